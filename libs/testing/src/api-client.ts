import { readFileSync } from 'node:fs';
import path from 'node:path';
import { clientCredentialsToken, signInForTokens } from './identity-client.js';
import { requiredEnv } from './test-env.js';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A caller of the public API through the gateway, with whatever credentials it was given. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly accessToken?: string,
  ) {}

  async request<T = Record<string, unknown>>(method: string, apiPath: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.accessToken) headers.authorization ??= `Bearer ${this.accessToken}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(new URL(apiPath, this.baseUrl), {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  get<T = Record<string, unknown>>(apiPath: string, headers?: Record<string, string>) {
    return this.request<T>('GET', apiPath, { headers });
  }

  post<T = Record<string, unknown>>(apiPath: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', apiPath, { body, headers });
  }
}

interface DemoAccounts {
  users: { username: string; roles: { person_roleid: string; org_code: string }[] }[];
  clients: { client_id: string; client_secret: string; org_code: string; scopes: string[] }[];
}

const DEMO_ACCOUNTS_FILE = path.resolve(import.meta.dirname, '../../../apps/dev-identity/demo-accounts.json');

export function demoAccounts(): DemoAccounts {
  return JSON.parse(readFileSync(DEMO_ACCOUNTS_FILE, 'utf8')) as DemoAccounts;
}

/** The `person_roleid` of a demo user's role at an organisation (the first role when not given). */
export function roleIdOf(username: string, organisationCode?: string): string {
  const user = demoAccounts().users.find((candidate) => candidate.username === username);
  const role = user?.roles.find((candidate) => !organisationCode || candidate.org_code === organisationCode);
  if (!role) throw new Error(`demo account ${username} has no role${organisationCode ? ` at ${organisationCode}` : ''}`);
  return role.person_roleid;
}

/** Signs a demo user in at the real identity provider (code + PKCE) and returns their API client. */
export async function apiAsUser(username: string, organisationCode?: string): Promise<ApiClient> {
  const roleId = demoAccounts().users.find((u) => u.username === username)?.roles.length ? roleIdOf(username, organisationCode) : undefined;
  const { accessToken } = await signInForTokens(requiredEnv('SCRT_TEST_IDENTITY_URL'), { username, roleId });
  return new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'), accessToken);
}

/** A case-management system with a client-credentials token. */
export async function apiAsClient(clientId: string): Promise<ApiClient> {
  const client = demoAccounts().clients.find((candidate) => candidate.client_id === clientId);
  if (!client) throw new Error(`no demo client ${clientId}`);
  const token = await clientCredentialsToken(requiredEnv('SCRT_TEST_IDENTITY_URL'), client.client_id, client.client_secret, client.scopes.join(' '));
  return new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'), token);
}

import { existsSync, readFileSync } from 'node:fs';
import type { StackHandle } from './stack.js';
import { formatSeconds } from './steps.js';

interface DemoRole {
  org_code?: unknown;
  role_name?: unknown;
  workgroups?: unknown;
}

interface DemoAccounts {
  organisations?: unknown;
  users?: unknown;
  clients?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : []);

function describeRole(role: DemoRole, organisations: Record<string, unknown>): string {
  const orgCode = text(role.org_code);
  const organisation = [orgCode, text(organisations[orgCode])].filter(Boolean).join(' ');
  const workgroups = list(role.workgroups).filter((workgroup) => typeof workgroup === 'string');
  const what = workgroups.length > 0 ? workgroups.join(', ') : text(role.role_name);
  return what ? `${organisation} (${what})` : organisation;
}

/**
 * Lines describing apps/dev-identity/demo-accounts.json (`users` with `roles` at organisations,
 * machine `clients`); tolerant of a file still taking shape.
 */
export function describeDemoAccounts(file: string): string[] {
  if (!existsSync(file)) {
    return [];
  }
  let accounts: DemoAccounts;
  try {
    accounts = JSON.parse(readFileSync(file, 'utf8')) as DemoAccounts;
  } catch (error) {
    return [`  (could not read ${file}: ${(error as Error).message})`];
  }
  const organisations = (typeof accounts.organisations === 'object' && accounts.organisations) || {};
  const users = list(accounts.users).map((user) => {
    const roles = list(user.roles).map((role) => describeRole(role, organisations as Record<string, unknown>));
    return `  ${text(user.username).padEnd(18)} ${text(user.name).padEnd(22)} ${roles.join('; ') || '(no roles)'}`;
  });
  const clients = list(accounts.clients).map((client) => `  ${text(client.client_id).padEnd(18)} client credentials, ${text(client.org_code)}`);
  return [...users, ...clients];
}

export function readyBanner(stack: StackHandle, totalMilliseconds: number, demoAccountsFile: string, infraOnly: boolean): string {
  const gateway = stack.urls.gateway;
  const lines = [
    '',
    `SCRT ${infraOnly ? 'infrastructure is' : 'is'} ready (${formatSeconds(totalMilliseconds)}).`,
    ...(infraOnly
      ? []
      : [
          `  Sign in        ${gateway}/`,
          `  API            ${gateway}/api/v1`,
          `  OpenAPI        ${gateway}/api/openapi.json`,
          `  API docs       ${gateway}/api/docs`,
          `  Dev identity   ${stack.urls.identity}`,
        ]),
    `  PostgreSQL     ${stack.databaseUrl}`,
    `  Kafka          ${stack.kafkaBrokers}`,
    `  Logs           ${stack.paths.logsDir}`,
  ];
  const accounts = infraOnly ? [] : describeDemoAccounts(demoAccountsFile);
  if (accounts.length > 0) {
    lines.push('', `Demo accounts (sign in as one of them; details in ${demoAccountsFile}):`, ...accounts);
  }
  lines.push('', 'Press Ctrl+C to stop everything.');
  return lines.join('\n');
}

import type { ApiClient } from './api-client.js';
import type { ApiOperation } from './api-document.js';
import { parameterExample, requestBodyExample } from './api-examples.js';

/** A request as sent on the wire: `path` already carries the query string. */
export interface ApiRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent as is: already serialised. */
  body?: string;
}

export interface ApiRequestInput {
  /** Path parameter values, percent-encoded here unless `rawPathValues` is set. */
  pathValues?: Record<string, string>;
  rawPathValues?: boolean;
  /** Replaces the query built from the document's required parameters. */
  query?: [string, string][];
  headers?: Record<string, string>;
  /** A value to serialise as JSON, or a `RawBody`; `null` sends no body. */
  body?: unknown;
}

export interface RawApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else `undefined`. */
  json: unknown;
}

/** A body sent exactly as given (malformed JSON, own `__proto__` keys), not serialised. */
export class RawBody {
  constructor(readonly text: string) {}
}

/**
 * The request for an operation, from the document: path parameters from `input` or the
 * examples, required query parameters and headers from the examples, the example body.
 */
export function operationRequest(operation: ApiOperation, input: ApiRequestInput = {}): ApiRequest {
  const encode = input.rawPathValues ? (value: string) => value : encodeURIComponent;
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
    const value = input.pathValues?.[name] ?? (parameter ? parameterExample(parameter) : undefined);
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${operation.method} ${operation.path}`);
    return encode(String(value));
  });
  const query =
    input.query ??
    operation.parameters
      .filter((parameter) => parameter.in === 'query' && parameter.required)
      .map((parameter): [string, string] => [parameter.name, String(parameterExample(parameter))]);
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'header' && candidate.required)) {
    headers[parameter.name.toLowerCase()] = String(parameterExample(parameter));
  }
  const body = input.body === undefined ? (operation.requestBody ? requestBodyExample(operation) : undefined) : input.body;
  if (body !== undefined && body !== null) headers['content-type'] = 'application/json';
  Object.assign(headers, lowerCaseKeys(input.headers ?? {}));
  return {
    method: operation.method,
    path: query.length ? `${path}?${new URLSearchParams(query).toString()}` : path,
    headers,
    body: body === undefined || body === null ? undefined : body instanceof RawBody ? body.text : JSON.stringify(body),
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Sends the request through the gateway with the client's token (none for `undefined`). */
export async function sendApiRequest(baseUrl: string, client: ApiClient | undefined, request: ApiRequest): Promise<RawApiResponse> {
  const headers = { ...request.headers };
  if (client?.accessToken) headers.authorization ??= `Bearer ${client.accessToken}`;
  const response = await fetch(new URL(request.path, baseUrl), { method: request.method, headers, body: request.body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Why the response is not an RFC 9457 problem with a stable code, or `undefined` when it is. */
export function problemDefect(response: RawApiResponse): string | undefined {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) return `content-type is "${contentType}", not application/problem+json`;
  const body = response.json as { code?: unknown; status?: unknown } | undefined;
  if (typeof body?.code !== 'string' || body.code === '') return 'the problem has no code';
  if (body.status !== response.status) return `the problem's status ${String(body.status)} differs from the HTTP status ${response.status}`;
  return undefined;
}

export function describeExchange(request: ApiRequest, response: RawApiResponse): string {
  const body = request.body === undefined ? '' : ` body ${request.body.length > 200 ? `${request.body.slice(0, 200)}... (${request.body.length} chars)` : request.body}`;
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'authorization')
    .map(([name, value]) => `${name}: ${value.length > 80 ? `${value.slice(0, 80)}...` : value}`)
    .join('; ');
  const answer = response.text.length > 300 ? `${response.text.slice(0, 300)}...` : response.text;
  return `${request.method} ${request.path.length > 200 ? `${request.path.slice(0, 200)}...` : request.path} [${headers}]${body} -> ${response.status} ${response.headers.get('content-type') ?? ''} ${answer}`;
}

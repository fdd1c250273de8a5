import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { DomainError } from '@scrt/http';
import { ProxyService } from '../../proxy/proxy.service.js';
import type { UpstreamResponse } from '../../proxy/upstream-client.js';
import { PageNotFoundError, PagePermissionError } from '../foundation/page.errors.js';
import type { CaseFieldChange, CaseInput, CasePage, CaseRecord, CaseView, Problem } from './case-api.types.js';


/** A problem the page shows on the form (field errors, a stale version) rather than as an error page. */
export type Refusal = { ok: false; problem: Problem };
export type Outcome<T> = { ok: true; value: T } | Refusal;

/** Statuses a form answers itself: invalid input, a stale or missing version. */
const FORM_STATUSES = new Set([400, 409, 412, 422, 428]);

export function parseBody(response: UpstreamResponse): unknown {
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** What any other answer means for a page: not found, not allowed, or the service failing. */
export function failure(response: UpstreamResponse): Error {
  const problem = parseBody(response) as Partial<Problem> | undefined;
  if (response.status === 404) return new PageNotFoundError();
  if (response.status === 403 || response.status === 401) return new PagePermissionError(problem?.code ?? 'access');
  return new DomainError(problem?.code ?? 'UPSTREAM_FAILED', response.status >= 500 ? response.status : 502, problem?.title ?? 'Service failed', problem?.detail);
}

/**
 * The case API (`/api/v1/cases`) as the admin UI uses it: the same service route, the same
 * internal token stating the session's principal, the same validation and audit as any client.
 */
@Injectable()
export class CaseApi {
  constructor(@Inject(ProxyService) private readonly proxy: ProxyService) {}

  async list(principal: Principal, query: URLSearchParams): Promise<Outcome<CasePage>> {
    return this.send<CasePage>(principal, 'GET', `/api/v1/cases?${query}`);
  }

  async get(principal: Principal, id: string): Promise<CaseRecord> {
    return this.read<CaseRecord>(principal, `/api/v1/cases/${encodeURIComponent(id)}`);
  }

  async history(principal: Principal, id: string): Promise<CaseFieldChange[]> {
    return (await this.read<{ items: CaseFieldChange[] }>(principal, `/api/v1/cases/${encodeURIComponent(id)}/history`)).items;
  }

  async views(principal: Principal, id: string): Promise<CaseView[]> {
    return (await this.read<{ items: CaseView[] }>(principal, `/api/v1/cases/${encodeURIComponent(id)}/views`)).items;
  }

  /** One key per form submission: a resubmitted form (back button, double click) records the case once. */
  create(principal: Principal, input: CaseInput, idempotencyKey: string = randomUUID()): Promise<Outcome<CaseRecord>> {
    return this.send<CaseRecord>(principal, 'POST', '/api/v1/cases', input, { 'idempotency-key': idempotencyKey });
  }

  update(principal: Principal, id: string, changes: Partial<CaseInput>, version: number): Promise<Outcome<CaseRecord>> {
    return this.send<CaseRecord>(principal, 'PATCH', `/api/v1/cases/${encodeURIComponent(id)}`, changes, { 'if-match': `"${version}"` });
  }

  withdraw(principal: Principal, id: string, reason: string, version: number): Promise<Outcome<CaseRecord>> {
    return this.send<CaseRecord>(principal, 'POST', `/api/v1/cases/${encodeURIComponent(id)}/withdrawal`, { reason }, { 'if-match': `"${version}"` });
  }

  async read<T>(principal: Principal, path: string): Promise<T> {
    const outcome = await this.send<T>(principal, 'GET', path);
    if (!outcome.ok) throw new DomainError(outcome.problem.code, 502, 'Service failed', outcome.problem.detail);
    return outcome.value;
  }

  async send<T>(principal: Principal, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Outcome<T>> {
    const response = await this.proxy.call(principal, {
      method,
      path,
      headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body)),
    });
    if (response.status >= 200 && response.status < 300) return { ok: true, value: parseBody(response) as T };
    if (FORM_STATUSES.has(response.status)) {
      const problem = parseBody(response) as Problem | undefined;
      return { ok: false, problem: { ...problem, status: response.status, code: problem?.code ?? 'BAD_REQUEST' } };
    }
    throw failure(response);
  }
}

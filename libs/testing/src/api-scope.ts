import { withinScope, type KnownPrincipal } from './api-principals.js';
import type { RawApiResponse } from './api-request.js';

/** A record made for the access checks, owned by a known organisation. */
export interface Canary {
  id: string;
  /** Where the record is read, e.g. `/api/v1/cases/<id>`. */
  location: string;
  owner: { label: string; organisationCode: string; regionCode?: string };
}

/**
 * Everything in a response body that the principal may not see: objects naming an organisation or
 * region outside its scope (records and aggregate rows alike), and ids of canaries it may not read.
 */
export function scopeLeaks(principal: KnownPrincipal, body: unknown, canaries: Canary[], text: string): string[] {
  const leaks: string[] = [];
  const visit = (node: unknown, at: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${at}[${index}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const owner = {
      organisationCode: typeof record.organisationCode === 'string' ? record.organisationCode : undefined,
      regionCode: typeof record.regionCode === 'string' ? record.regionCode : undefined,
    };
    if ((owner.organisationCode !== undefined || owner.regionCode !== undefined) && !withinScope(principal, owner)) {
      leaks.push(`${at || 'body'} belongs to ${owner.organisationCode ?? '-'}/${owner.regionCode ?? '-'}`);
    }
    for (const [key, value] of Object.entries(record)) visit(value, `${at}.${key}`);
  };
  visit(body, '');
  for (const canary of canaries) {
    if (!withinScope(principal, canary.owner) && text.includes(canary.id)) leaks.push(`names ${canary.owner.label}'s canary ${canary.id}`);
  }
  return leaks;
}

/** What a client can tell from a 404, with the requested id masked and the per-request ids dropped. */
export function notFoundShape(response: RawApiResponse, requestedId: string): unknown {
  const body = response.json as Record<string, unknown> | undefined;
  const { correlationId: _correlation, requestId: _request, ...stable } = body ?? {};
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headerNames: [...response.headers.keys()].sort(),
    body: JSON.parse(JSON.stringify(stable).replaceAll(requestedId, '{id}')) as unknown,
  };
}

import type { AuditAction } from '@scrt/persistence';

/** What a refused request asked for, as far as its method and path tell. */
export interface RefusedRequest {
  action: AuditAction;
  resourceType: string;
  resourceId?: string;
  /** The problem code the refusal answered with. */
  reason: string;
}

const API_PREFIX = '/api/v1/';
const REFUSAL_STATUSES = new Set([401, 403]);
const RESOURCE_TYPES: Record<string, string> = { cases: 'case', reviews: 'review', 'reference-data': 'reference-data' };
/** Ids the services issue (UUIDs, ODS codes, code list names); anything else is not taken for one. */
const RESOURCE_ID = /^[A-Za-z0-9._-]{1,100}$/;
const MAX_REASON_LENGTH = 50;

function actionOf(method: string, namesOneResource: boolean): AuditAction {
  switch (method) {
    case 'POST':
      return 'create';
    case 'PUT':
    case 'PATCH':
    case 'DELETE':
      return 'update';
    default:
      return namesOneResource ? 'read' : 'list';
  }
}

/** The problem code of a problem+json body; UNKNOWN when the body is not one. */
function problemCode(payload: unknown): string {
  if (typeof payload !== 'string') return 'UNKNOWN';
  try {
    const code: unknown = (JSON.parse(payload) as { code?: unknown }).code;
    return typeof code === 'string' && code.length > 0 ? code.slice(0, MAX_REASON_LENGTH) : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

function decodedSegments(path: string): string[] {
  return path
    .slice(API_PREFIX.length)
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/**
 * The audit view of an `/api/v1` response that refuses access (401, 403); undefined for any
 * other response. `/api/v1/cases/{id}` → case {id}; `/api/v1/reports/caseload` → caseload-report.
 */
export function refusedApiRequest(method: string, url: string, status: number, payload: unknown): RefusedRequest | undefined {
  const path = url.split('?')[0];
  if (!REFUSAL_STATUSES.has(status) || !path.startsWith(API_PREFIX)) return undefined;
  const [collection = '', second, ...rest] = decodedSegments(path);
  const reason = problemCode(payload);
  if (collection === 'reports') {
    return { action: 'read', resourceType: second ? `${second}-report`.slice(0, 50) : 'report', reason };
  }
  const resourceId = second !== undefined && RESOURCE_ID.test(second) ? second : undefined;
  const resourceType = Object.hasOwn(RESOURCE_TYPES, collection) ? RESOURCE_TYPES[collection] : collection.slice(0, 50) || 'api';
  return { action: actionOf(method, second !== undefined && rest.length === 0), resourceType, resourceId, reason };
}

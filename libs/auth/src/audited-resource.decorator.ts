import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuditAction } from '@scrt/persistence';

export const AUDITED_RESOURCE = 'scrt:audited-resource';

/** What a route does to which kind of record, for the audit of refused attempts. */
export interface AuditedResourceTarget {
  resourceType: string;
  action: AuditAction;
  /** The path parameter that names the record, when the path names one. */
  idParam: string;
}

/**
 * Marks a route whose attempts are audited: a request refused before the controller runs (no
 * valid internal token, no permission, invalid input) is recorded with the reason. Routes that
 * need a `case:` or `report:` permission must carry it (a unit test reads the OpenAPI document).
 */
export const AuditedResource = (resourceType: string, action: AuditAction, idParam = 'id') =>
  applyDecorators(
    SetMetadata(AUDITED_RESOURCE, { resourceType, action, idParam } satisfies AuditedResourceTarget),
    ApiExtension('x-scrt-audited-resource', resourceType),
  );

import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { RefusalAudit } from './refusal-audit.js';

/**
 * Refusals after the guard: pipes (validation) run inside interceptors, so their errors pass
 * here, as do errors of handlers that did not audit the request themselves.
 */
@Injectable()
export class RefusalAuditInterceptor implements NestInterceptor {
  constructor(private readonly refusals: RefusalAudit) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => from(this.refusals.recordIfRefused(context, error)).pipe(mergeMap(() => throwError(() => error)))));
  }
}

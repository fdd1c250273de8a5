import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentCorrelationId, currentRequestId } from '@scrt/observability';
import { DomainError } from './domain-error.js';
import { ALLOWED_METHODS } from './edge/request-policy.js';
import { pointerOf, PROBLEM_CONTENT_TYPE, problemTypeUri, type FieldProblem, type ProblemDocument } from './problem.js';

/** Enough to fix a request by; a list as long as a hostile body would make the answer the attack. */
export const MAX_FIELD_PROBLEMS = 100;

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  503: 'UNAVAILABLE',
};

/** Turns a library's own errors (an unreachable database...) into DomainErrors before mapping. */
export type ErrorTranslator = (error: unknown) => unknown;
const translators = new Set<ErrorTranslator>();
export const translateErrors = (translator: ErrorTranslator): void => void translators.add(translator);
const translated = (thrown: unknown) => [...translators].reduce((current, translate) => translate(current), thrown);

/** Maps anything thrown to a problem document; never leaks internals. */
export function toProblem(thrown: unknown, instance?: string): ProblemDocument {
  const error = translated(thrown);
  const base = { instance, correlationId: currentCorrelationId(), requestId: currentRequestId() };
  if (error instanceof DomainError) {
    return { type: problemTypeUri(error.code), title: error.title, status: error.status, code: error.code, detail: error.detail, ...fieldProblems(error.errors), ...base };
  }
  const status = error instanceof HttpException ? error.getStatus() : statusOfFrameworkError(error);
  if (status && (status < 500 || status === 503)) {
    const code = CODES_BY_STATUS[status] ?? 'BAD_REQUEST';
    const detail = error instanceof Error ? error.message : undefined;
    return { type: problemTypeUri(code), title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'Bad request', status, code, detail, ...base };
  }
  return { type: problemTypeUri('INTERNAL_ERROR'), title: 'Internal error', status: 500, code: 'INTERNAL_ERROR', detail: 'Something went wrong; quote the correlation id.', ...base };
}

function fieldProblems(errors: FieldProblem[] | undefined): Pick<ProblemDocument, 'errors' | 'errorsTotal'> {
  if (!errors) return {};
  // Extra members (a CSV problem's line and column) stay: they locate the problem better than a pointer.
  const located = errors.map((problem) => ({ ...problem, pointer: problem.pointer ?? pointerOf(problem.field) }));
  if (located.length <= MAX_FIELD_PROBLEMS) return { errors: located };
  return { errors: located.slice(0, MAX_FIELD_PROBLEMS), errorsTotal: located.length };
}

/** Fastify's own errors (bad JSON, wrong content type, body too large) carry a statusCode. */
function statusOfFrameworkError(error: unknown): number | undefined {
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

export function sendProblem(reply: FastifyReply, problem: ProblemDocument): void {
  if (problem.status === 405) void reply.header('allow', ALLOWED_METHODS.join(', '));
  if (problem.status === 503) void reply.header('retry-after', '2');
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetailsFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const problem = toProblem(error, request.url);
    // Bounded: a Prisma message (and so its stack) can hold 68 KB of minified source.
    const logged = translated(error);
    const stack = logged instanceof DomainError ? undefined : (logged as Error)?.stack?.slice(0, 2_000);
    if (problem.status >= 500) this.logger.error({ message: 'unhandled error', error: String(logged).trim().split('\n')[0].slice(0, 500), code: problem.code, stack });
    sendProblem(http.getResponse<FastifyReply>(), problem);
  }
}

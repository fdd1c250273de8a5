import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { uuidv7 } from './uuidv7.js';

export const CORRELATION_HEADER = 'x-correlation-id';
/** The server's own id of one request: the key of its audit records, echoed for support. */
export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What a request or an event delivery carries through its async work. `correlationId` may come
 * from a client and crosses systems; `requestId` is always made by this system.
 */
export interface RequestContext {
  correlationId: string;
  requestId: string;
  /** The correlation id as the client sent it, when it sent a usable one. */
  clientCorrelationId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return runWithRequestContext({ correlationId, requestId: uuidv7() }, work);
}

function usableCorrelationId(candidate: unknown): string | undefined {
  return typeof candidate === 'string' && ACCEPTABLE_ID.test(candidate) ? candidate : undefined;
}

/** Keeps a caller's id when it is well-formed, so a trace crosses systems; otherwise makes one. */
export function acceptOrCreateCorrelationId(candidate: unknown): string {
  return usableCorrelationId(candidate) ?? randomUUID();
}

/** A new request's context: the client's correlation id when usable, a fresh server request id. */
export function createRequestContext(candidateCorrelationId: unknown): RequestContext {
  const clientCorrelationId = usableCorrelationId(candidateCorrelationId);
  return { correlationId: clientCorrelationId ?? randomUUID(), requestId: uuidv7(), ...(clientCorrelationId ? { clientCorrelationId } : {}) };
}

export function isRequestId(candidate: unknown): candidate is string {
  return typeof candidate === 'string' && UUID.test(candidate);
}

/**
 * Takes over what the part of this system that received the request from the client (the
 * gateway) states about it: its request id, so that one id names the request everywhere, and
 * what the client itself sent as correlation id. Only for statements from a verified source.
 */
export function adoptUpstreamRequest(upstream: Pick<RequestContext, 'requestId' | 'clientCorrelationId'>): boolean {
  const context = storage.getStore();
  if (!context || !isRequestId(upstream.requestId)) return false;
  context.requestId = upstream.requestId;
  const clientCorrelationId = usableCorrelationId(upstream.clientCorrelationId);
  if (clientCorrelationId) context.clientCorrelationId = clientCorrelationId;
  else delete context.clientCorrelationId;
  return true;
}

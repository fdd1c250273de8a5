import { DomainError, translateErrors } from '@scrt/http';

/** Prisma codes of a database that is unreachable, too busy or conflicting for now. */
const TRANSIENT_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034']);
/** PostgreSQL: serialization failure, deadlock, shutting down / starting up, connection and resource classes. */
const TRANSIENT_SQLSTATE = /^(40001|40P01|57P01|57P02|57P03|08[0-9A-Z]{3}|53[0-9A-Z]{3})$/;
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/** What @prisma/adapter-pg calls the failures above. */
const TRANSIENT_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TransactionWriteConflict', 'TooManyConnections']);
const TRANSIENT_MESSAGES = [
  /Can't reach database server/i,
  /Unable to start a transaction/i,
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to (administrator command|unexpected postmaster exit)/i,
  /Server has closed the connection/i,
  /Client has encountered a connection error/i,
];

interface ErrorShape {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/** The line that says what went wrong: Prisma puts it last, after the invocation and source excerpt. */
function firstLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return (/^Invalid `/.test(lines[0] ?? '') ? lines[lines.length - 1] : lines[0]) ?? '';
}

/** The error, its `cause` chain and Prisma's driver-adapter error, as far as they go. */
function errorChain(error: unknown): ErrorShape[] {
  const chain: ErrorShape[] = [];
  const pending = [error];
  while (pending.length > 0 && chain.length < 10) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    const shape = current as ErrorShape;
    chain.push(shape);
    pending.push(shape.cause, shape.meta?.driverAdapterError);
  }
  return chain;
}

function isTransientShape(shape: ErrorShape): boolean {
  const codes = [shape.code, shape.originalCode].filter((code): code is string => typeof code === 'string');
  if (codes.some((code) => TRANSIENT_PRISMA_CODES.has(code) || TRANSIENT_SQLSTATE.test(code) || TRANSIENT_SOCKET_CODES.has(code))) return true;
  if (typeof shape.kind === 'string' && TRANSIENT_ADAPTER_KINDS.has(shape.kind)) return true;
  return typeof shape.message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(firstLine(shape.message as string)));
}

/**
 * A failure that waiting cures: the database (or the network to it) is down, restarting, out of
 * connections, or a transaction lost a serialization or deadlock race.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  return errorChain(error).some(isTransientShape);
}

/** `Class CODE: first line of the message`, at most 300 characters: Prisma's messages can be 68 KB. */
export function briefErrorDescription(error: unknown): string {
  if (!(error instanceof Error)) return firstLine(String(error)).slice(0, 300);
  const code = (error as ErrorShape).code;
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${firstLine(error.message)}`.slice(0, 300);
}

/** The database does not answer for now: the client should try again shortly. */
export class DependencyUnavailableError extends DomainError {
  constructor(cause: unknown) {
    super('DEPENDENCY_UNAVAILABLE', 503, 'Dependency unavailable', 'A service this request needs is unavailable; try again shortly.');
    this.message = briefErrorDescription(cause);
  }
}

/** The problem filter's translation: a transient database failure is a 503, not a 500. */
export function asDependencyUnavailable(error: unknown): unknown {
  return error instanceof DomainError || !isTransientDatabaseError(error) ? error : new DependencyUnavailableError(error);
}

/** Makes the problem filter answer 503 `DEPENDENCY_UNAVAILABLE` for transient database failures. */
export function translateDatabaseErrors(): void {
  translateErrors(asDependencyUnavailable);
}

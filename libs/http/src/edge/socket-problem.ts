import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemTypeUri, type ProblemDocument } from '../problem.js';
import { ALLOWED_METHODS } from './request-policy.js';

interface SocketRefusal {
  status: number;
  code: string;
  detail: string;
}

/** What Node's HTTP parser rejects before any request object exists, by its error code. */
export function refusalForParserError(errorCode: string | undefined): SocketRefusal | undefined {
  switch (errorCode) {
    case 'ECONNRESET':
      return undefined;
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'HEADERS_TOO_LARGE', detail: 'The request headers exceed 16 KB.' };
    case 'HPE_INVALID_METHOD':
      return { status: 405, code: 'METHOD_NOT_ALLOWED', detail: 'The request method is not supported.' };
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'HPE_INVALID_HEADER_VALUE':
    case 'HPE_LF_EXPECTED':
    case 'HPE_CR_EXPECTED':
      return { status: 400, code: 'INVALID_HEADER', detail: 'A header name or value contains characters HTTP does not allow.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' };
    default:
      return { status: 400, code: 'MALFORMED_REQUEST', detail: 'The request is not valid HTTP/1.1.' };
  }
}

/** Writes a complete problem+json response on a socket no framework owns, then closes it. */
export function writeProblemToSocket(socket: Duplex, refusal: SocketRefusal): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const problem: ProblemDocument = { type: problemTypeUri(refusal.code), title: STATUS_CODES[refusal.status] ?? 'Bad Request', status: refusal.status, code: refusal.code, detail: refusal.detail };
  const body = JSON.stringify(problem);
  const allow = refusal.status === 405 ? `Allow: ${ALLOWED_METHODS.join(', ')}\r\n` : '';
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${allow}Connection: close\r\n\r\n${body}`,
  );
}

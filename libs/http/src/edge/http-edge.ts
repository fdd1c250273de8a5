import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { sendProblem, toProblem } from '../problem.filter.js';
import { BadUrlError, UriTooLongError } from './http-errors.js';
import { depthLimitedJsonParser } from './json-body.js';
import { assertAcceptableRequest } from './request-policy.js';
import { refusalForParserError, writeProblemToSocket } from './socket-problem.js';

function answerParserError(error: Error & { code?: string }, socket: Socket): void {
  const refusal = refusalForParserError(error.code);
  const responseStarted = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (!refusal || socket.destroyed || responseStarted) {
    socket.destroy();
    return;
  }
  writeProblemToSocket(socket, refusal);
}

function answerRoutingError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = error.code === 'FST_ERR_BAD_URL' ? new BadUrlError() : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new UriTooLongError() : error;
  sendProblem(reply, toProblem(refusal, request.url));
}

/**
 * Fastify options that make the errors of Node's HTTP parser and of Fastify's router
 * problem+json. Host is checked by our own hook, so that its absence is answered the same way.
 */
export function httpEdgeServerOptions(): Pick<FastifyServerOptions, 'clientErrorHandler' | 'frameworkErrors'> & { http: { requireHostHeader: boolean } } {
  return { http: { requireHostHeader: false }, clientErrorHandler: answerParserError, frameworkErrors: answerRoutingError };
}

/** Request refusals every app applies before routing, and an answer to CONNECT (otherwise a dropped socket). */
export function installRequestPolicy(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    try {
      assertAcceptableRequest(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  fastify.server.on('connect', (_request: unknown, socket: Duplex) => writeProblemToSocket(socket, { status: 405, code: 'METHOD_NOT_ALLOWED', detail: 'CONNECT is not supported.' }));
}

/** JSON bodies: nesting limited, the raw bytes kept on `request.rawBody` (the gateway forwards them as they came). */
export function installJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser('application/json', { bodyLimit }, depthLimitedJsonParser(fastify.getDefaultJsonParser('error', 'error')));
}

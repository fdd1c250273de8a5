import { Injectable, Logger, type RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InternalTokenSigner } from '@scrt/auth';
import type { Principal } from '@scrt/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@scrt/observability';
import { GatewayEnv } from '../config/gateway.config.js';
import { UnknownApiRouteError, UpstreamUnavailableError } from './proxy.errors.js';
import { baseUrlOf, ownerOf } from './routes.js';
import { sendUpstream, type UpstreamResponse } from './upstream-client.js';

/** Request headers a service may see; everything else (cookies, identity claims) stays here. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'if-match', 'if-none-match', 'idempotency-key'];
const RETURNED_RESPONSE_HEADERS = ['content-type', 'location', 'etag', 'cache-control', 'retry-after', 'content-disposition', 'link', 'x-data-as-of'];

/**
 * Forwards an authenticated API call to the owning service over HTTP, replacing the caller's
 * credentials with a short-lived internal token that states the principal.
 */
@Injectable()
export class ProxyService {
  private readonly logger = new Logger(ProxyService.name);

  constructor(
    private readonly config: GatewayEnv,
    private readonly signer: InternalTokenSigner,
  ) {}

  async forward(request: FastifyRequest, reply: FastifyReply, principal: Principal): Promise<void> {
    const service = ownerOf(request.url);
    if (!service) throw new UnknownApiRouteError(request.url.split('?')[0]);
    const correlationId = currentCorrelationId();
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.signer.sign(principal, correlationId)}`,
      [CORRELATION_HEADER]: correlationId ?? '',
    };
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // The bytes as they came, never a re-serialisation: what the service validates is what the client sent.
    const { rawBody } = request as RawBodyRequest<FastifyRequest>;
    const body = rawBody && request.method !== 'GET' && request.method !== 'HEAD' ? new Uint8Array(rawBody) : undefined;
    let response: UpstreamResponse;
    try {
      response = await sendUpstream(new URL(request.url, baseUrlOf(service, this.config)), request.method, headers, body);
    } catch (error) {
      this.logger.error({ message: 'upstream call failed', service, error: String(error) });
      throw new UpstreamUnavailableError(service);
    }
    for (const name of RETURNED_RESPONSE_HEADERS) {
      const value = response.headers[name];
      if (typeof value === 'string') void reply.header(name, value);
    }
    await reply.status(response.status).send(response.body);
  }
}

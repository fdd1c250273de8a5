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

/** A call to `/api/v1/...` (path with its query string) on behalf of a principal. */
export interface ServiceCall {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
}

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
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // The bytes as they came, never a re-serialisation: what the service validates is what the client sent.
    const { rawBody } = request as RawBodyRequest<FastifyRequest>;
    const body = rawBody && request.method !== 'GET' && request.method !== 'HEAD' ? new Uint8Array(rawBody) : undefined;
    const response = await this.call(principal, { method: request.method, path: request.url, headers, body });
    for (const name of RETURNED_RESPONSE_HEADERS) {
      const value = response.headers[name];
      if (typeof value === 'string') void reply.header(name, value);
    }
    await reply.status(response.status).send(response.body);
  }

  /**
   * One `/api/v1` call to the owning service as `principal`, with the internal token stating it:
   * the API's route and the admin UI's pages both come through here.
   */
  async call(principal: Principal, { method, path, headers = {}, body }: ServiceCall): Promise<UpstreamResponse> {
    const service = ownerOf(path);
    if (!service) throw new UnknownApiRouteError(path.split('?')[0]);
    const correlationId = currentCorrelationId();
    const outgoing: Record<string, string> = {
      ...headers,
      authorization: `Bearer ${await this.signer.sign(principal, correlationId)}`,
      [CORRELATION_HEADER]: correlationId ?? '',
    };
    try {
      return await sendUpstream(new URL(path, baseUrlOf(service, this.config)), method, outgoing, body);
    } catch (error) {
      this.logger.error({ message: 'upstream call failed', service, error: String(error) });
      throw new UpstreamUnavailableError(service);
    }
  }
}

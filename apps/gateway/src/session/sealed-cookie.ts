import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CookieSealer } from './cookie-sealer.js';

/** Browsers silently drop a cookie whose name and value together are longer than this. */
const BROWSER_COOKIE_LIMIT_BYTES = 4096;

/** Lax still sends the cookie on the identity provider's top-level redirect back to the callback. */
const ATTRIBUTES: CookieSerializeOptions = { httpOnly: true, secure: true, sameSite: 'lax', path: '/' };

/**
 * One encrypted cookie: HttpOnly, Secure, SameSite=Lax, host-only on Path=/ (the `__Host-`
 * prefix makes browsers enforce that). Uses the @fastify/cookie plugin the gateway registers.
 */
export class SealedCookie<T extends object> {
  private readonly sealer: CookieSealer;

  constructor(
    readonly name: `__Host-${string}`,
    private readonly lifetimeSeconds: number,
    secret: string,
  ) {
    this.sealer = new CookieSealer(secret, name);
  }

  async read(request: FastifyRequest): Promise<T | undefined> {
    const sealed = request.cookies[this.name];
    return sealed ? this.sealer.unseal<T>(sealed) : undefined;
  }

  async write(reply: FastifyReply, value: T): Promise<void> {
    const sealed = await this.sealer.seal(value, this.lifetimeSeconds);
    const size = Buffer.byteLength(`${this.name}=${sealed}`);
    if (size > BROWSER_COOKIE_LIMIT_BYTES) {
      throw new Error(`cookie ${this.name} would be ${size} bytes; browsers drop cookies over ${BROWSER_COOKIE_LIMIT_BYTES}`);
    }
    void reply.setCookie(this.name, sealed, { ...ATTRIBUTES, maxAge: this.lifetimeSeconds });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(this.name, ATTRIBUTES);
  }
}

import { fastifyCookie } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CookieSealer } from './cookie-sealer.js';

/** Browsers silently drop a cookie larger than this (name, value and attributes). */
const BROWSER_COOKIE_LIMIT_BYTES = 4096;

/**
 * One encrypted cookie: HttpOnly, Secure, SameSite=Lax, host-only on Path=/ (the `__Host-`
 * prefix makes browsers enforce that). Lax still sends it on the identity provider's top-level
 * redirect back to the callback.
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
    const sealed = fastifyCookie.parse(request.headers.cookie ?? '')[this.name];
    return sealed === undefined ? undefined : this.sealer.unseal<T>(sealed);
  }

  async write(reply: FastifyReply, value: T): Promise<void> {
    const sealed = await this.sealer.seal(value, this.lifetimeSeconds);
    this.setCookie(reply, sealed, this.lifetimeSeconds);
  }

  clear(reply: FastifyReply): void {
    this.setCookie(reply, '', 0);
  }

  private setCookie(reply: FastifyReply, value: string, maxAge: number): void {
    const header = fastifyCookie.serialize(this.name, value, { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge });
    if (Buffer.byteLength(header) > BROWSER_COOKIE_LIMIT_BYTES) {
      throw new Error(`cookie ${this.name} is ${Buffer.byteLength(header)} bytes; browsers drop cookies over ${BROWSER_COOKIE_LIMIT_BYTES}`);
    }
    void reply.header('set-cookie', header);
  }
}

import { hkdfSync } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt, type JWTPayload } from 'jose';

const KEY_DERIVATION_SALT = 'scrt-gateway-cookie';

/**
 * Seals small payloads for cookies as a JWE (dir, A256GCM): encrypted and authenticated, with an
 * expiry. The key is derived from the session secret per purpose, so a value sealed for one
 * cookie never opens as another.
 */
export class CookieSealer {
  private readonly key: Uint8Array;

  constructor(secret: string, purpose: string) {
    this.key = new Uint8Array(hkdfSync('sha256', secret, KEY_DERIVATION_SALT, purpose, 32));
  }

  seal(payload: object, lifetimeSeconds: number): Promise<string> {
    return new EncryptJWT({ ...payload })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .encrypt(this.key);
  }

  /** The payload, or undefined when the value is malformed, tampered with, foreign or expired. */
  async unseal<T extends object>(sealed: string): Promise<(T & JWTPayload) | undefined> {
    try {
      const { payload } = await jwtDecrypt(sealed, this.key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        requiredClaims: ['exp'],
      });
      return payload as T & JWTPayload;
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }
}

import { createHash, randomBytes } from 'node:crypto';

/** What the callback must match: kept in the browser between the redirect out and back. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Ten minutes to sign in at the provider. */
export const LOGIN_TRANSACTION_LIFETIME_SECONDS = 10 * 60;

const randomToken = () => randomBytes(32).toString('base64url');

export function newLoginTransaction(): LoginTransaction {
  return { state: randomToken(), nonce: randomToken(), codeVerifier: randomToken() };
}

/** PKCE S256 (RFC 7636). */
export function codeChallengeOf(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier).digest('base64url');
}

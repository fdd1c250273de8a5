import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** Fresh for every stack start: nothing signed by an earlier run stays valid. */
export interface StackSecrets {
  /** Ed25519 key of the gateway's internal tokens (SPKI / PKCS8 PEM). */
  internalJwtPublicKey: string;
  internalJwtPrivateKey: string;
  sessionSecret: string;
  /** Shared by the gateway (OIDC_CLIENT_SECRET) and dev-identity, which registers the client. */
  gatewayClientSecret: string;
}

export function generateSecrets(): StackSecrets {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    internalJwtPublicKey: publicKey,
    internalJwtPrivateKey: privateKey,
    sessionSecret: randomBytes(32).toString('hex'),
    gatewayClientSecret: randomBytes(32).toString('hex'),
  };
}

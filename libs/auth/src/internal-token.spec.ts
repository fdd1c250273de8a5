import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@scrt/contracts';
import { createRequestContext, runWithRequestContext } from '@scrt/observability';
import { InternalTokenSigner, InternalTokenVerifier } from './internal-token.js';

const keys = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const principal: Principal = { subject: 's-1', kind: 'user', organisationCode: 'QWO', regionCode: 'Y63', tier: 'icb', permissions: ['case:read'] };

describe('the internal token', () => {
  it('carries the gateway\'s request id and the client\'s correlation id of the current request to the service', async () => {
    const [signer, verifier] = await Promise.all([InternalTokenSigner.fromPem(keys.privateKey), InternalTokenVerifier.fromPem(keys.publicKey)]);
    const context = createRequestContext('client-trace-1');
    const token = await runWithRequestContext(context, () => signer.sign(principal));
    expect(await verifier.verify(token)).toEqual({ principal, requestId: context.requestId, clientCorrelationId: 'client-trace-1' });
  });

  it('states no request id when the one signed is not a UUID', async () => {
    const [signer, verifier] = await Promise.all([InternalTokenSigner.fromPem(keys.privateKey), InternalTokenVerifier.fromPem(keys.publicKey)]);
    expect((await verifier.verify(await signer.sign(principal, undefined, { requestId: 'client-chosen' }))).requestId).toBeUndefined();
  });
});

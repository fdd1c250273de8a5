import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createLocalJWKSet, type JWK, type JWTVerifyGetKey } from 'jose';
import Provider, { errors } from 'oidc-provider';
import { AccountDirectory } from '../accounts/account-directory.js';
import { RoleSelections } from '../accounts/role-selections.js';
import { DevIdentityEnv } from '../config/dev-identity.config.js';
import { publicJwks, SigningKeyStore, type PrivateJwks } from '../keys/signing-keys.js';
import { parseTestSigningKey, withTestSigningKey } from '../keys/test-signing-key.js';
import { providerConfiguration } from './provider-configuration.js';
import { SharedMemoryStore } from './shared-memory-store.js';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

interface InstalledProvider {
  provider: Provider;
  listener: RequestListener;
  /** The published keys, for verifying the provider's own access tokens. */
  verificationKeys: JWTVerifyGetKey;
}

export interface KeyRotation {
  signingKid: string;
  publishedKids: string[];
}

/**
 * Owns the running oidc-provider instance. Its keys are fixed at construction, so a key rotation
 * builds a new instance and swaps it in; the instances share one store and one set of cookie keys.
 */
@Injectable()
export class OidcProviderHost implements OnModuleInit {
  private readonly logger = new Logger('OidcProvider');
  private readonly store = new SharedMemoryStore();
  private readonly cookieKeys = [randomBytes(32).toString('base64url')];
  private installed?: InstalledProvider;
  private readonly testSigningKey: JWK | undefined;

  constructor(
    private readonly config: DevIdentityEnv,
    private readonly directory: AccountDirectory,
    private readonly selections: RoleSelections,
    private readonly keys: SigningKeyStore,
  ) {
    this.testSigningKey = parseTestSigningKey(config.DEV_IDENTITY_TEST_SIGNING_KEY);
  }

  async onModuleInit(): Promise<void> {
    this.install(await this.keys.loadOrCreate());
  }

  get ready(): boolean {
    return this.installed !== undefined;
  }

  get provider(): Provider {
    return this.current().provider;
  }

  /** The provider as a Node.js request listener (it reads the request body itself). */
  get listener(): RequestListener {
    return this.current().listener;
  }

  get verificationKeys(): JWTVerifyGetKey {
    return this.current().verificationKeys;
  }

  async rotateSigningKey(): Promise<KeyRotation> {
    const jwks = await this.keys.rotate();
    this.install(jwks);
    const publishedKids = jwks.keys.map((key) => key.kid as string);
    this.logger.log({ message: 'signing key rotated', publishedKids });
    return { signingKid: publishedKids[0], publishedKids };
  }

  private current(): InstalledProvider {
    if (!this.installed) throw new Error('the OpenID provider is not initialised yet');
    return this.installed;
  }

  private install(ownKeys: PrivateJwks): void {
    const { config, directory, selections, cookieKeys } = this;
    const jwks = withTestSigningKey(ownKeys, this.testSigningKey);
    const adapter = this.store.adapterFactory;
    const provider = new Provider(config.DEV_IDENTITY_ISSUER, providerConfiguration({ config, directory, selections, jwks, adapter, cookieKeys }));
    provider.proxy = true;
    provider.on('server_error', (_ctx, error: Error) => this.logger.error({ message: 'oidc-provider failed', error: error.message, stack: error.stack }));
    provider.on('grant.error', (_ctx, error: errors.OIDCProviderError) => this.logger.warn({ message: 'token request refused', ...refusal(error) }));
    provider.on('authorization.error', (_ctx, error: errors.OIDCProviderError) => this.logger.warn({ message: 'authorization request refused', ...refusal(error) }));
    this.installed = { provider, listener: provider.callback(), verificationKeys: createLocalJWKSet(publicJwks(jwks)) };
  }
}

function refusal(error: errors.OIDCProviderError) {
  return { error: error.error, description: error.error_description };
}

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import Provider from 'oidc-provider';
import { AccountDirectory } from '../accounts/account-directory.js';
import { RoleSelections } from '../accounts/role-selections.js';
import { DevIdentityEnv } from '../config/dev-identity.config.js';
import { SigningKeyStore, type PrivateJwks } from '../keys/signing-keys.js';
import { providerConfiguration } from './provider-configuration.js';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface KeyRotation {
  signingKid: string;
  publishedKids: string[];
}

/**
 * Owns the running oidc-provider instance. Its keys are fixed at construction, so a key rotation
 * builds a new instance and swaps it in; sessions and grants live in oidc-provider's in-memory
 * store, which the instances share.
 */
@Injectable()
export class OidcProviderHost implements OnModuleInit {
  private readonly logger = new Logger('OidcProvider');
  private readonly cookieKeys = [randomBytes(32).toString('base64url')];
  private installed?: { provider: Provider; listener: RequestListener };

  constructor(
    private readonly config: DevIdentityEnv,
    private readonly directory: AccountDirectory,
    private readonly selections: RoleSelections,
    private readonly keys: SigningKeyStore,
  ) {}

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

  async rotateSigningKey(): Promise<KeyRotation> {
    const jwks = await this.keys.rotate();
    this.install(jwks);
    const [signingKid, ...previousKids] = jwks.keys.map((key) => key.kid as string);
    this.logger.log({ message: 'signing key rotated', signingKid, previousKids });
    return { signingKid, publishedKids: [signingKid, ...previousKids] };
  }

  private current(): { provider: Provider; listener: RequestListener } {
    if (!this.installed) throw new Error('the OpenID provider is not initialised yet');
    return this.installed;
  }

  private install(jwks: PrivateJwks): void {
    const { config, directory, selections, cookieKeys } = this;
    const provider = new Provider(config.DEV_IDENTITY_ISSUER, providerConfiguration({ config, directory, selections, jwks, cookieKeys }));
    provider.proxy = true;
    provider.on('server_error', (_ctx, error: Error) => this.logger.error({ message: 'oidc-provider failed', error: error.message, stack: error.stack }));
    provider.on('grant.error', (_ctx, error: Error) => this.logger.warn({ message: 'token request refused', error: error.message }));
    provider.on('authorization.error', (_ctx, error: Error) => this.logger.warn({ message: 'authorization request refused', error: error.message }));
    this.installed = { provider, listener: provider.callback() };
  }
}

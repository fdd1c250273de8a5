import { IsNotEmpty, IsOptional, IsString, IsUrl, MinLength } from 'class-validator';
import { AppEnv } from '@scrt/config';

const url = { require_tld: false, require_protocol: true };

export class DevIdentityEnv extends AppEnv {
  /** Where clients reach this provider (the `iss` of every token), e.g. http://localhost:3100. */
  @IsUrl(url) DEV_IDENTITY_ISSUER: string;
  /** The gateway's sign-in callback; its origin also gives the other gateway URLs. */
  @IsUrl(url) DEV_IDENTITY_GATEWAY_REDIRECT_URI: string;
  @IsString() @MinLength(8) DEV_IDENTITY_GATEWAY_CLIENT_SECRET: string;
  /** Folder holding the private signing keys (`jwks.json`); created when missing. */
  @IsString() @IsNotEmpty() DEV_IDENTITY_DATA_DIR = '.local/dev-identity';
  /** The `aud` of every access token: the tracker API behind the gateway. */
  @IsString() @IsNotEmpty() DEV_IDENTITY_API_AUDIENCE = 'urn:scrt:api';
  /** Demo users and machine clients, relative to the working directory (the repository root). */
  @IsString() @IsNotEmpty() DEV_IDENTITY_ACCOUNTS_FILE = 'apps/dev-identity/demo-accounts.json';
  /** Test profile only: an extra private RS256 JWK (JSON) published in the JWKS for tests to sign with. */
  @IsOptional() @IsString() DEV_IDENTITY_TEST_SIGNING_KEY?: string;
}

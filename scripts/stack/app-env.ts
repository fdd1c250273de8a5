import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { serviceNames, type AppName, type ServiceName } from './apps-catalog.js';
import type { StackPorts } from './ports.js';
import type { StackSecrets } from './secrets.js';

export const gatewayClientId = 'scrt-gateway';
export const apiAudience = 'urn:scrt:api';

export interface AppEnvInput {
  ports: StackPorts;
  databaseUrl: string;
  /** case-intake's own login (a role that owns no table, so row-level security applies); `databaseUrl` if not given. */
  caseIntakeDatabaseUrl?: string;
  kafkaBrokers: string;
  secrets: StackSecrets;
  identityDataDir: string;
  logLevel: string;
  /** An external OpenID Connect issuer replacing dev-identity for the gateway. */
  oidcIssuer?: string;
  /** Test profile only: a private JWK that dev-identity publishes for tests to sign tokens with. */
  identityTestSigningKey?: string;
}

/** A fresh RS256 key for the test profile's dev-identity (see `DEV_IDENTITY_TEST_SIGNING_KEY`). */
export function generateTestSigningKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: `test-${randomBytes(8).toString('hex')}`, alg: 'RS256' });
}

export type AppEnvironments = Record<AppName, Record<string, string>>;

/** Back-end services are called on loopback; browser-facing URLs use `localhost` (cookies, issuer). */
export function serviceUrl(ports: StackPorts, app: AppName): string {
  return `http://127.0.0.1:${ports[app]}`;
}

export function publicUrl(ports: StackPorts, app: 'gateway' | 'dev-identity'): string {
  return `http://localhost:${ports[app]}`;
}

const serviceUrlVariables: Record<ServiceName, string> = {
  'case-intake': 'CASE_INTAKE_URL',
  reviews: 'REVIEWS_URL',
  'reference-data': 'REFERENCE_DATA_URL',
  reporting: 'REPORTING_URL',
};

/** The environment of every app (on top of the inherited one), see docs/conventions.md. */
export function buildAppEnvironments(input: AppEnvInput): AppEnvironments {
  const { ports, secrets, logLevel } = input;
  const identityIssuer = publicUrl(ports, 'dev-identity');
  const gatewayUrl = publicUrl(ports, 'gateway');
  const service = (app: ServiceName) => ({
    PORT: String(ports[app]),
    DATABASE_URL: input.databaseUrl,
    KAFKA_BROKERS: input.kafkaBrokers,
    INTERNAL_JWT_PUBLIC_KEY: secrets.internalJwtPublicKey,
    LOG_LEVEL: logLevel,
  });
  return {
    'dev-identity': {
      PORT: String(ports['dev-identity']),
      DEV_IDENTITY_ISSUER: identityIssuer,
      DEV_IDENTITY_GATEWAY_REDIRECT_URI: `${gatewayUrl}/auth/callback`,
      DEV_IDENTITY_GATEWAY_CLIENT_SECRET: secrets.gatewayClientSecret,
      DEV_IDENTITY_DATA_DIR: input.identityDataDir,
      LOG_LEVEL: logLevel,
      ...(input.identityTestSigningKey ? { DEV_IDENTITY_TEST_SIGNING_KEY: input.identityTestSigningKey } : {}),
    },
    'case-intake': { ...service('case-intake'), DATABASE_URL: input.caseIntakeDatabaseUrl ?? input.databaseUrl },
    reviews: service('reviews'),
    'reference-data': service('reference-data'),
    reporting: service('reporting'),
    gateway: {
      PORT: String(ports.gateway),
      GATEWAY_PORT: String(ports.gateway),
      OIDC_ISSUER: input.oidcIssuer ?? identityIssuer,
      OIDC_AUDIENCE: apiAudience,
      OIDC_CLIENT_ID: gatewayClientId,
      OIDC_CLIENT_SECRET: secrets.gatewayClientSecret,
      GATEWAY_PUBLIC_URL: gatewayUrl,
      SESSION_SECRET: secrets.sessionSecret,
      DATABASE_URL: input.databaseUrl,
      // The local copy of the organisation hierarchy (tier derivation) is fed from Kafka.
      KAFKA_BROKERS: input.kafkaBrokers,
      INTERNAL_JWT_PRIVATE_KEY: secrets.internalJwtPrivateKey,
      LOG_LEVEL: logLevel,
      ...Object.fromEntries(serviceNames.map((name) => [serviceUrlVariables[name], serviceUrl(ports, name)])),
    },
  };
}

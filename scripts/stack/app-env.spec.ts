import { describe, expect, it } from '@jest/globals';
import { buildAppEnvironments, generateTestSigningKey, type AppEnvInput } from './app-env.js';
import { resolvePorts } from './ports.js';
import { generateSecrets } from './secrets.js';

const secrets = generateSecrets();
const input: AppEnvInput = {
  ports: resolvePorts('dev', {}, {}),
  databaseUrl: 'postgresql://postgres:postgres@127.0.0.1:54329/scrt',
  kafkaBrokers: '127.0.0.1:9092',
  secrets,
  identityDataDir: '/repo/.local/dev-stack/dev-identity',
  logLevel: 'info',
};

describe('buildAppEnvironments', () => {
  const environments = buildAppEnvironments(input);

  it('gives every service its port, the database, the broker and only the public internal key', () => {
    expect(environments['case-intake']).toEqual({
      PORT: '3201',
      DATABASE_URL: input.databaseUrl,
      KAFKA_BROKERS: '127.0.0.1:9092',
      INTERNAL_JWT_PUBLIC_KEY: secrets.internalJwtPublicKey,
      LOG_LEVEL: 'info',
    });
    expect(environments.reporting.PORT).toBe('3204');
    for (const service of ['case-intake', 'reviews', 'reference-data', 'reporting'] as const) {
      expect(environments[service]).not.toHaveProperty('INTERNAL_JWT_PRIVATE_KEY');
    }
  });

  it('points the gateway at dev-identity, every service and the database (sessions, refusal audit)', () => {
    expect(environments.gateway).toMatchObject({
      PORT: '3000',
      GATEWAY_PORT: '3000',
      OIDC_ISSUER: 'http://localhost:3100',
      OIDC_AUDIENCE: 'urn:scrt:api',
      OIDC_CLIENT_ID: 'scrt-gateway',
      GATEWAY_PUBLIC_URL: 'http://localhost:3000',
      CASE_INTAKE_URL: 'http://127.0.0.1:3201',
      REVIEWS_URL: 'http://127.0.0.1:3202',
      REFERENCE_DATA_URL: 'http://127.0.0.1:3203',
      REPORTING_URL: 'http://127.0.0.1:3204',
      INTERNAL_JWT_PRIVATE_KEY: secrets.internalJwtPrivateKey,
      SESSION_SECRET: secrets.sessionSecret,
    });
    expect(environments.gateway.DATABASE_URL).toBe(input.databaseUrl);
  });

  it('shares the gateway client secret between the gateway and dev-identity', () => {
    expect(environments['dev-identity']).toEqual({
      PORT: '3100',
      DEV_IDENTITY_ISSUER: 'http://localhost:3100',
      DEV_IDENTITY_GATEWAY_REDIRECT_URI: 'http://localhost:3000/auth/callback',
      DEV_IDENTITY_GATEWAY_CLIENT_SECRET: secrets.gatewayClientSecret,
      DEV_IDENTITY_DATA_DIR: '/repo/.local/dev-stack/dev-identity',
      LOG_LEVEL: 'info',
    });
    expect(environments.gateway.OIDC_CLIENT_SECRET).toBe(secrets.gatewayClientSecret);
  });

  it('lets an external issuer replace dev-identity for the gateway', () => {
    const external = buildAppEnvironments({ ...input, oidcIssuer: 'https://am.nhsidentity.spineservices.nhs.uk' });
    expect(external.gateway.OIDC_ISSUER).toBe('https://am.nhsidentity.spineservices.nhs.uk');
  });
});

describe('the test signing key', () => {
  it('reaches dev-identity only when the stack gives one (the test profile)', () => {
    const key = generateTestSigningKey();
    expect(JSON.parse(key)).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: expect.stringMatching(/^test-/), d: expect.any(String) });
    expect(buildAppEnvironments({ ...input, identityTestSigningKey: key })['dev-identity'].DEV_IDENTITY_TEST_SIGNING_KEY).toBe(key);
    expect(buildAppEnvironments(input)['dev-identity']).not.toHaveProperty('DEV_IDENTITY_TEST_SIGNING_KEY');
    expect(JSON.parse(generateTestSigningKey()).kid).not.toBe(JSON.parse(key).kid);
  });
});

describe('generateSecrets', () => {
  it('makes an Ed25519 PEM pair and 32-byte hex secrets, new every time', () => {
    expect(secrets.internalJwtPublicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(secrets.internalJwtPrivateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(secrets.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSecrets().sessionSecret).not.toBe(secrets.sessionSecret);
  });
});

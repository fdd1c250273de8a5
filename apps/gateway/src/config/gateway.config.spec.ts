import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@scrt/config';
import { GatewayEnv } from './gateway.config.js';

const { privateKey } = generateKeyPairSync('ed25519');
const required = {
  PORT: '3000',
  OIDC_ISSUER: 'http://localhost:3100',
  OIDC_CLIENT_SECRET: 'a-client-secret',
  GATEWAY_PUBLIC_URL: 'http://localhost:3000',
  SESSION_SECRET: 'x'.repeat(32),
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:54329/scrt',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  CASE_INTAKE_URL: 'http://127.0.0.1:3201',
  REVIEWS_URL: 'http://127.0.0.1:3202',
  REFERENCE_DATA_URL: 'http://127.0.0.1:3203',
  REPORTING_URL: 'http://127.0.0.1:3204',
};

describe('GatewayEnv', () => {
  it('has defaults for the rate limit and takes numbers from the environment', () => {
    expect(loadConfig(GatewayEnv, required)).toMatchObject({ RATE_LIMIT_MAX: 300, RATE_LIMIT_WINDOW_MS: 60000, OIDC_AUDIENCE: 'urn:scrt:api' });
    expect(loadConfig(GatewayEnv, { ...required, RATE_LIMIT_MAX: '100000', RATE_LIMIT_WINDOW_MS: '1000' })).toMatchObject({ RATE_LIMIT_MAX: 100000, RATE_LIMIT_WINDOW_MS: 1000 });
  });

  it('listens on every interface by default: it is the edge (services default to loopback)', () => {
    expect(loadConfig(GatewayEnv, required).HOST).toBe('0.0.0.0');
    expect(loadConfig(GatewayEnv, { ...required, HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
  });

  it('needs a PostgreSQL DATABASE_URL and defaults the session timeouts', () => {
    const { KAFKA_BROKERS: _noBrokers, ...withoutBrokers } = required;
    expect(() => loadConfig(GatewayEnv, withoutBrokers)).toThrow(/KAFKA_BROKERS/);
    const { DATABASE_URL: _omitted, ...withoutDatabase } = required;
    expect(() => loadConfig(GatewayEnv, withoutDatabase)).toThrow(/DATABASE_URL/);
    expect(() => loadConfig(GatewayEnv, { ...required, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(loadConfig(GatewayEnv, required)).toMatchObject({ SESSION_IDLE_TIMEOUT_SECONDS: 1800, SESSION_ABSOLUTE_LIFETIME_SECONDS: 28800 });
    expect(loadConfig(GatewayEnv, { ...required, SESSION_IDLE_TIMEOUT_SECONDS: '120' }).SESSION_IDLE_TIMEOUT_SECONDS).toBe(120);
  });

  it('trusts no proxy unless told, and takes a comma-separated list of addresses and ranges', () => {
    expect(loadConfig(GatewayEnv, required).TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig(GatewayEnv, { ...required, TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,loopback' }).TRUSTED_PROXIES).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback']);
    expect(() => loadConfig(GatewayEnv, { ...required, TRUSTED_PROXIES: 'everyone' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('refuses access tokens older than an hour unless told otherwise', () => {
    expect(loadConfig(GatewayEnv, required).ACCESS_TOKEN_MAX_AGE_SECONDS).toBe(3600);
    expect(loadConfig(GatewayEnv, { ...required, ACCESS_TOKEN_MAX_AGE_SECONDS: '900' }).ACCESS_TOKEN_MAX_AGE_SECONDS).toBe(900);
  });
});

import { IsBoolean } from 'class-validator';
import { BooleanFromEnv, ConfigurationError, MessagingServiceEnv, loadConfig } from './index.js';

class TestEnv extends MessagingServiceEnv {
  @BooleanFromEnv() @IsBoolean() FEATURE_ENABLED = true;
}

const valid = {
  PORT: '3201',
  DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/db',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----',
};

describe('loadConfig', () => {
  it('converts numbers, keeps defaults and parses booleans', () => {
    const config = loadConfig(TestEnv, { ...valid, FEATURE_ENABLED: 'false' });
    expect(config.PORT).toBe(3201);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.FEATURE_ENABLED).toBe(false);
  });

  it('names every missing or malformed variable', () => {
    const attempt = () => loadConfig(TestEnv, { ...valid, PORT: 'abc', KAFKA_BROKERS: undefined, FEATURE_ENABLED: 'maybe' });
    expect(attempt).toThrow(ConfigurationError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT is invalid');
      expect(message).toContain('KAFKA_BROKERS is missing');
      expect(message).toContain('FEATURE_ENABLED');
      expect(message).not.toContain('DATABASE_URL');
    }
  });

  it('listens on loopback unless HOST says otherwise (a container sets 0.0.0.0)', () => {
    expect(loadConfig(TestEnv, valid).HOST).toBe('127.0.0.1');
    expect(loadConfig(TestEnv, { ...valid, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });
});

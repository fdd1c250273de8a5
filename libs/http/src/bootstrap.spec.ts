import { createServer, type AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppEnv } from '@scrt/config';
import { bootstrapService } from './bootstrap.js';

@Module({})
class EmptyModule {}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('bootstrapService', () => {
  let app: NestFastifyApplication | undefined;
  afterEach(() => app?.close());

  const start = async (env: Record<string, string>) => {
    app = await bootstrapService({ serviceName: 'probe', configClass: AppEnv, module: () => ({ module: EmptyModule }), logger: false, env: { PORT: String(await freePort()), ...env } });
    return (app.getHttpServer().address() as AddressInfo).address;
  };

  it('listens on loopback only by default', async () => {
    expect(await start({})).toBe('127.0.0.1');
  });

  it('listens where HOST says', async () => {
    expect(await start({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });
});

import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { StackStartError } from './errors.js';
import { assertPortsFree, describeBusyPorts, findDuplicateClaims, isPortFree, portClaims, resolvePorts } from './ports.js';

describe('resolvePorts', () => {
  it('gives the documented defaults of each profile', () => {
    expect(resolvePorts('dev', {}, {})).toMatchObject({ gateway: 3000, 'dev-identity': 3100, 'case-intake': 3201, postgres: 54329, kafka: 9092 });
    expect(resolvePorts('test', {}, {})).toMatchObject({ gateway: 4000, 'dev-identity': 4100, reporting: 4204, postgres: 54339, kafka: 19092 });
  });

  it('takes GATEWAY_PORT and DEV_IDENTITY_PORT for npm start only', () => {
    const env = { GATEWAY_PORT: '8080', DEV_IDENTITY_PORT: '8100' };
    expect(resolvePorts('dev', {}, env)).toMatchObject({ gateway: 8080, 'dev-identity': 8100 });
    expect(resolvePorts('test', {}, env)).toMatchObject({ gateway: 4000, 'dev-identity': 4100 });
  });

  it('shifts every test port by SCRT_TEST_PORT_OFFSET, and never the dev ports', () => {
    const env = { SCRT_TEST_PORT_OFFSET: '7' };
    expect(resolvePorts('test', {}, env)).toMatchObject({ gateway: 4007, 'dev-identity': 4107, reporting: 4211, postgres: 54346, kafka: 19099, 'kafka-controller': 19100 });
    expect(resolvePorts('dev', {}, env)).toMatchObject({ gateway: 3000, postgres: 54329 });
    expect(() => resolvePorts('test', {}, { SCRT_TEST_PORT_OFFSET: '-1' })).toThrow('SCRT_TEST_PORT_OFFSET=-1 is not a port offset');
  });

  it('lets explicit overrides win over the environment', () => {
    expect(resolvePorts('dev', { gateway: 9000 }, { GATEWAY_PORT: '8080' }).gateway).toBe(9000);
  });

  it('rejects a port variable that is not a port', () => {
    expect(() => resolvePorts('dev', {}, { GATEWAY_PORT: 'eighty' })).toThrow('GATEWAY_PORT=eighty is not a TCP port');
  });
});

describe('portClaims', () => {
  const ports = resolvePorts('dev', {}, {});

  it('claims the infrastructure ports only for embedded infrastructure', () => {
    const claims = portClaims(ports, { postgres: false, kafka: true, apps: ['gateway'] });
    expect(claims).toEqual([
      { port: 9092, wantedBy: 'kafka' },
      { port: 9093, wantedBy: 'kafka-controller' },
      { port: 3000, wantedBy: 'gateway' },
    ]);
  });

  it('finds two components configured on one port', () => {
    const clashing = resolvePorts('dev', { gateway: 3100 }, {});
    expect(findDuplicateClaims(portClaims(clashing, { postgres: true, kafka: true, apps: ['gateway', 'dev-identity'] }))).toEqual([
      'port 3100 is configured for gateway and dev-identity',
    ]);
  });
});

describe('port availability', () => {
  let server: Server | undefined;

  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function occupyPort(): Promise<number> {
    server = createServer();
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  it('sees a port held on loopback as busy', async () => {
    const port = await occupyPort();
    expect(await isPortFree(port)).toBe(false);
  });

  it('names the port and what wanted it', async () => {
    const port = await occupyPort();
    const failure = assertPortsFree([{ port, wantedBy: 'gateway' }]);
    await expect(failure).rejects.toBeInstanceOf(StackStartError);
    await expect(failure).rejects.toThrow(`port ${port} (wanted by gateway) is already in use`);
  });

  it('describes every busy port with a command to find the holder', () => {
    const message = describeBusyPorts([
      { port: 3000, wantedBy: 'gateway' },
      { port: 9092, wantedBy: 'kafka' },
    ]);
    expect(message).toContain('port 3000 (wanted by gateway)');
    expect(message).toContain('port 9092 (wanted by kafka)');
    expect(message).toContain("ss -ltnp '( sport = :3000 or sport = :9092 )'");
  });
});

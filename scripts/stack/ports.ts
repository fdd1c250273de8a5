import { createServer } from 'node:net';
import type { AppName } from './apps-catalog.js';
import type { StackProfile } from './paths.js';
import { StackStartError } from './errors.js';

export type PortName = AppName | 'postgres' | 'kafka' | 'kafka-controller';
export type StackPorts = Record<PortName, number>;

const defaultPorts: Record<StackProfile, StackPorts> = {
  dev: {
    gateway: 3000,
    'dev-identity': 3100,
    'case-intake': 3201,
    reviews: 3202,
    'reference-data': 3203,
    reporting: 3204,
    postgres: 54329,
    kafka: 9092,
    'kafka-controller': 9093,
  },
  test: {
    gateway: 4000,
    'dev-identity': 4100,
    'case-intake': 4201,
    reviews: 4202,
    'reference-data': 4203,
    reporting: 4204,
    postgres: 54339,
    kafka: 19092,
    'kafka-controller': 19093,
  },
};

/**
 * Profile defaults (the test profile shifted by `SCRT_TEST_PORT_OFFSET`, so that test stacks of
 * several clones can run side by side), then `GATEWAY_PORT` / `DEV_IDENTITY_PORT` (dev only),
 * then explicit overrides.
 */
export function resolvePorts(
  profile: StackProfile,
  overrides: Partial<StackPorts> = {},
  env: NodeJS.ProcessEnv = process.env,
): StackPorts {
  const fromEnv: Partial<StackPorts> =
    profile === 'dev'
      ? { gateway: portFromEnv(env, 'GATEWAY_PORT'), 'dev-identity': portFromEnv(env, 'DEV_IDENTITY_PORT') }
      : {};
  const offset = profile === 'test' ? portOffsetFromEnv(env, 'SCRT_TEST_PORT_OFFSET') : 0;
  const base = Object.fromEntries(Object.entries(defaultPorts[profile]).map(([name, port]) => [name, port + offset])) as StackPorts;
  const defined = (ports: Partial<StackPorts>) => Object.fromEntries(Object.entries(ports).filter(([, port]) => port !== undefined));
  return { ...base, ...defined(fromEnv), ...defined(overrides) };
}

function portOffsetFromEnv(env: NodeJS.ProcessEnv, name: string): number {
  const value = env[name];
  if (value === undefined || value === '') return 0;
  const offset = Number(value);
  if (!Number.isInteger(offset) || offset < 0 || offset > 1000) {
    throw new StackStartError(`${name}=${value} is not a port offset (0-1000).`);
  }
  return offset;
}

function portFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') {
    return undefined;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StackStartError(`${name}=${value} is not a TCP port (1-65535).`);
  }
  return port;
}

export interface PortClaim {
  port: number;
  wantedBy: PortName;
}

/** The ports this start will bind: embedded infrastructure only when no external one is given. */
export function portClaims(
  ports: StackPorts,
  include: { postgres: boolean; kafka: boolean; apps: readonly AppName[] },
): PortClaim[] {
  const names: PortName[] = [
    ...(include.postgres ? (['postgres'] as const) : []),
    ...(include.kafka ? (['kafka', 'kafka-controller'] as const) : []),
    ...include.apps,
  ];
  return names.map((wantedBy) => ({ port: ports[wantedBy], wantedBy }));
}

export function findDuplicateClaims(claims: PortClaim[]): string[] {
  const byPort = new Map<number, PortName[]>();
  for (const { port, wantedBy } of claims) {
    byPort.set(port, [...(byPort.get(port) ?? []), wantedBy]);
  }
  return [...byPort]
    .filter(([, sharing]) => sharing.length > 1)
    .map(([port, sharing]) => `port ${port} is configured for ${sharing.join(' and ')}`);
}

export function describeBusyPorts(busy: PortClaim[]): string {
  const lines = busy.map(({ port, wantedBy }) => `  port ${port} (wanted by ${wantedBy}) is already in use`);
  const inspect = busy.map(({ port }) => `sport = :${port}`).join(' or ');
  return [
    'Cannot start: ports are taken.',
    ...lines,
    `See what holds them with: ss -ltnp '( ${inspect} )'`,
    'If it is an earlier run of this stack, stop that first (Ctrl+C in its terminal).',
  ].join('\n');
}

/** Binding on all interfaces fails when anything (IPv4 or IPv6, any address) listens on the port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function assertPortsFree(claims: PortClaim[]): Promise<void> {
  const duplicates = findDuplicateClaims(claims);
  if (duplicates.length > 0) {
    throw new StackStartError(`Cannot start: ${duplicates.join('; ')}.`);
  }
  const free = await Promise.all(claims.map((claim) => isPortFree(claim.port)));
  const busy = claims.filter((_, index) => !free[index]);
  if (busy.length > 0) {
    throw new StackStartError(describeBusyPorts(busy));
  }
}

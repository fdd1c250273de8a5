import { existsSync, readFileSync } from 'node:fs';
import type { StackHandle } from './stack.js';
import { formatSeconds } from './steps.js';

interface DemoRole {
  org_code?: unknown;
  role_name?: unknown;
}

interface DemoUser {
  username?: unknown;
  name?: unknown;
  password?: unknown;
  roles?: unknown;
}

/** Lines describing apps/dev-identity/demo-accounts.json; tolerant of a file still taking shape. */
export function describeDemoAccounts(file: string): string[] {
  if (!existsSync(file)) {
    return [];
  }
  let users: unknown;
  try {
    users = (JSON.parse(readFileSync(file, 'utf8')) as { users?: unknown }).users;
  } catch (error) {
    return [`  (could not read ${file}: ${(error as Error).message})`];
  }
  if (!Array.isArray(users)) {
    return [];
  }
  return (users as DemoUser[]).map((user) => {
    const roles = Array.isArray(user.roles) ? (user.roles as DemoRole[]) : [];
    const roleText = roles.map((role) => [role.role_name, role.org_code].filter((part) => typeof part === 'string').join(' @ ')).join(', ');
    const password = typeof user.password === 'string' ? `  password: ${user.password}` : '';
    return `  ${String(user.username ?? '?').padEnd(16)} ${String(user.name ?? '').padEnd(24)} ${roleText}${password}`;
  });
}

export function readyBanner(stack: StackHandle, totalMilliseconds: number, demoAccountsFile: string, infraOnly: boolean): string {
  const gateway = stack.urls.gateway;
  const lines = [
    '',
    `SCRT ${infraOnly ? 'infrastructure is' : 'is'} ready (${formatSeconds(totalMilliseconds)}).`,
    ...(infraOnly
      ? []
      : [
          `  Sign in        ${gateway}/`,
          `  API            ${gateway}/api/v1`,
          `  OpenAPI        ${gateway}/api/openapi.json`,
          `  API docs       ${gateway}/api/docs`,
          `  Dev identity   ${stack.urls.identity}`,
        ]),
    `  PostgreSQL     ${stack.databaseUrl}`,
    `  Kafka          ${stack.kafkaBrokers}`,
    `  Logs           ${stack.paths.logsDir}`,
  ];
  const accounts = infraOnly ? [] : describeDemoAccounts(demoAccountsFile);
  if (accounts.length > 0) {
    lines.push('', 'Demo accounts (username, name, roles @ organisation):', ...accounts);
  }
  lines.push('', 'Press Ctrl+C to stop everything.');
  return lines.join('\n');
}

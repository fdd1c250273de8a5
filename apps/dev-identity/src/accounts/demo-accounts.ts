import { readFile } from 'node:fs/promises';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MinLength, ValidateNested, validateSync } from 'class-validator';
import { toFieldProblems, type FieldProblem } from '@scrt/http';

const TWELVE_DIGITS = /^\d{12}$/;

/** One CIS2 national RBAC role: a job role held at an organisation. */
export class DemoRole {
  @Matches(TWELVE_DIGITS, { message: 'person_roleid must be 12 digits' }) person_roleid: string;
  @IsString() @IsNotEmpty() org_code: string;
  @Matches(/^S\d+:G\d+:R\d+$/, { message: 'role_code must look like S8000:G8000:R8001' }) role_code: string;
  @IsString() @IsNotEmpty() role_name: string;
  @IsArray() @IsString({ each: true }) workgroups: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) activity_codes?: string[];
}

export class DemoUser {
  @Matches(/^[a-z0-9.]+$/, { message: 'username must be lower-case letters, digits and dots' }) username: string;
  @IsString() @IsNotEmpty() name: string;
  @Matches(TWELVE_DIGITS, { message: 'nhsid_useruid must be 12 digits' }) nhsid_useruid: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DemoRole) roles: DemoRole[];
}

/** A case-management system signing in with the client credentials grant, bound to one organisation. */
export class DemoClient {
  @Matches(/^[a-z0-9-]+$/, { message: 'client_id must be lower-case letters, digits and hyphens' }) client_id: string;
  @IsString() @MinLength(16) client_secret: string;
  @IsString() @IsNotEmpty() org_code: string;
  @ArrayNotEmpty() @IsString({ each: true }) scopes: string[];
}

export class DemoAccounts {
  /** ODS code to organisation name, for `nhsid_user_orgs`. */
  @IsObject() organisations: Record<string, string>;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DemoUser) users: DemoUser[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => DemoClient) clients: DemoClient[];
}

export class InvalidDemoAccountsError extends Error {
  constructor(
    readonly source: string,
    readonly problems: FieldProblem[],
  ) {
    super(`${source} is not a valid demo accounts file:\n  - ${problems.map((p) => `${p.field}: ${p.message}`).join('\n  - ')}`);
    this.name = 'InvalidDemoAccountsError';
  }
}

/** Checks the shape of every record, then what the shape cannot say: unique identifiers and known organisations. */
export function parseDemoAccounts(raw: unknown, source = 'demo accounts'): DemoAccounts {
  const accounts = plainToInstance(DemoAccounts, raw);
  const shapeProblems = toFieldProblems(validateSync(accounts, { whitelist: true, forbidNonWhitelisted: true }));
  const problems = shapeProblems.length > 0 ? shapeProblems : crossReferenceProblems(accounts);
  if (problems.length > 0) throw new InvalidDemoAccountsError(source, problems);
  return accounts;
}

export async function loadDemoAccounts(path: string): Promise<DemoAccounts> {
  return parseDemoAccounts(JSON.parse(await readFile(path, 'utf8')), path);
}

function crossReferenceProblems({ organisations, users, clients }: DemoAccounts): FieldProblem[] {
  const roles = users.flatMap((user, u) => user.roles.map((role, r) => ({ role, field: `users.${u}.roles.${r}` })));
  return [
    ...duplicates(users.map((user, u) => ({ value: user.username, field: `users.${u}.username` }))),
    ...duplicates(users.map((user, u) => ({ value: user.nhsid_useruid, field: `users.${u}.nhsid_useruid` }))),
    ...duplicates(roles.map(({ role, field }) => ({ value: role.person_roleid, field: `${field}.person_roleid` }))),
    ...duplicates(clients.map((client, c) => ({ value: client.client_id, field: `clients.${c}.client_id` }))),
    ...unknownOrganisations(organisations, [
      ...roles.map(({ role, field }) => ({ value: role.org_code, field: `${field}.org_code` })),
      ...clients.map((client, c) => ({ value: client.org_code, field: `clients.${c}.org_code` })),
    ]),
  ];
}

interface FieldValue {
  value: string;
  field: string;
}

function duplicates(values: FieldValue[]): FieldProblem[] {
  const seen = new Set<string>();
  return values.flatMap(({ value, field }) => {
    if (!seen.has(value)) {
      seen.add(value);
      return [];
    }
    return [{ field, code: 'DUPLICATE', message: `${value} is used more than once` }];
  });
}

function unknownOrganisations(organisations: Record<string, string>, codes: FieldValue[]): FieldProblem[] {
  return codes
    .filter(({ value }) => typeof organisations[value] !== 'string')
    .map(({ value, field }) => ({ field, code: 'UNKNOWN_ORGANISATION', message: `${value} has no name in organisations` }));
}

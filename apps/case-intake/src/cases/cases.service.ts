import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import type { RecordScope } from '@scrt/reference-copy';
import { validateAs, ValidationFailedError, type FieldProblem } from '@scrt/http';
import { CaseScopes } from '../case-scope/case-scopes.js';
import {
  CaseNotFoundError,
  CaseWithdrawnError,
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  NotAnIcbError,
  PersonalDataDetectedError,
  PreconditionRequiredError,
  VersionMismatchError,
} from './cases.errors.js';
import { CasesRepository, KEY_TAKEN, NOT_CHANGED, type CaseRow } from './cases.repository.js';
import { CaseChangeDto } from './dto/case-change.dto.js';
import { CaseInputDto } from './dto/case-input.dto.js';
import type { CaseDto, CaseHistoryDto } from './dto/case.dto.js';
import { WithdrawalDto } from './dto/withdrawal.dto.js';
import { changedItems, completeFields, freeTextOf, wellFormedItems } from './record/case-input.js';
import { CaseRules } from './record/case-rules.js';
import { fieldsOf, personalDataWarningsOf } from './record/case-row.js';
import { PersonalDataScreen } from './record/personal-data-screen.js';

export function toCaseDto(row: CaseRow): CaseDto {
  return {
    id: row.id,
    organisationCode: row.organisationCode,
    regionCode: row.regionCode,
    ...fieldsOf(row),
    status: row.status as CaseDto['status'],
    withdrawal: row.withdrawnAt ? { at: row.withdrawnAt.toISOString(), by: row.withdrawnBy!, reason: row.withdrawalReason! } : null,
    personalDataWarnings: personalDataWarningsOf(row),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export interface CreatedCase {
  dto: CaseDto;
  /** False when an Idempotency-Key replay returned the first result. */
  created: boolean;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;
const ENTITY_TAG = /^(?:W\/)?"([1-9]\d{0,9})"$/;
const WITHDRAWAL_REASON = 'withdrawal.reason';

function assertIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', code: 'MATCHES', message: 'Idempotency-Key must be 8 to 200 letters, digits or ._:-' }]);
  }
}

/** The version an `If-Match` names (428 without one). */
function expectedVersionOf(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') throw new PreconditionRequiredError();
  const match = ENTITY_TAG.exec(ifMatch.trim());
  if (!match) throw new ValidationFailedError([{ field: 'If-Match', code: 'MATCHES', message: 'If-Match must be the case\'s ETag: its version in double quotes, e.g. "3"' }]);
  return Number(match[1]);
}

function assertChangeable(row: CaseRow, expectedVersion: number): void {
  if (row.status === 'withdrawn') throw new CaseWithdrawnError(row.id);
  if (row.version !== expectedVersion) throw new VersionMismatchError(row.version);
}

/** One refusal with every problem: field problems first (400), else personal data alone (422). */
function refuseIfAny(problems: FieldProblem[], personalData: FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationFailedError([...problems, ...personalData]);
  if (personalData.length > 0) throw new PersonalDataDetectedError(personalData);
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly rules: CaseRules,
    private readonly personalData: PersonalDataScreen,
    private readonly scopes: CaseScopes,
  ) {}

  async create(body: unknown, principal: Principal, idempotencyKey?: string): Promise<CreatedCase> {
    if (principal.tier !== 'icb' || !principal.regionCode) throw new NotAnIcbError();
    await this.scopes.assertMayRecordCases(principal);
    const requestHash = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
    if (idempotencyKey !== undefined) {
      assertIdempotencyKey(idempotencyKey);
      const replay = await this.replay(principal, idempotencyKey, requestHash);
      if (replay) return { dto: replay, created: false };
    }
    const { problems } = await validateAs(CaseInputDto, body);
    const items = wellFormedItems(body, problems);
    const domainProblems = await this.rules.check(items, principal);
    const screening = this.personalData.screen(freeTextOf(items));
    refuseIfAny([...problems, ...domainProblems], screening.problems);
    const row = await this.cases.create(
      { id: randomUUID(), organisationCode: principal.organisationCode, regionCode: principal.regionCode, ...completeFields(items), personalDataWarnings: screening.warnings },
      principal,
      await this.scopes.of(principal),
      idempotencyKey ? { key: idempotencyKey, requestHash } : undefined,
    );
    if (row === KEY_TAKEN) return { dto: await this.replayAfterRace(principal, idempotencyKey!, requestHash), created: false };
    return { dto: toCaseDto(row), created: true };
  }

  /** Out-of-scope and missing cases look the same, so existence does not leak. */
  async get(id: string, principal: Principal): Promise<CaseDto> {
    const row = await this.visibleCase(id, principal);
    await this.cases.recordAccess(principal, { action: 'read', resourceType: 'case', resourceId: id, outcome: 'success' });
    return toCaseDto(row);
  }

  async history(id: string, principal: Principal): Promise<CaseHistoryDto> {
    await this.visibleCase(id, principal);
    const changes = await this.cases.history(id, await this.scopes.of(principal));
    await this.cases.recordAccess(principal, { action: 'read', resourceType: 'case-history', resourceId: id, outcome: 'success' });
    return {
      items: changes.map((change) => ({
        version: change.version,
        changedAt: change.changedAt.toISOString(),
        changedBy: change.changedBy,
        field: change.field,
        oldValue: change.oldValue ?? null,
        newValue: change.newValue ?? null,
      })),
    };
  }

  /**
   * A JSON merge of the given items into the case at the version `If-Match` names; the result is
   * validated as a whole (codes already on the case are not checked again). No difference, no new version.
   */
  async update(id: string, body: unknown, ifMatch: string | undefined, principal: Principal): Promise<CaseDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    const row = await this.changeableCase(id, expectedVersion, principal);
    const before = fieldsOf(row);
    const { problems } = await validateAs(CaseChangeDto, body);
    const changes = wellFormedItems(body, problems);
    const domainProblems = await this.rules.check({ ...before, ...changes }, principal, before);
    const screening = this.personalData.screen(freeTextOf(changes));
    refuseIfAny([...problems, ...domainProblems], screening.problems);
    const after = completeFields({ ...before, ...changes });
    const changed = changedItems(before, after);
    if (changed.length === 0) return toCaseDto(row);
    const { warnings } = this.personalData.screen(freeTextOf(after));
    const scope = await this.scopes.of(principal);
    const updated = await this.cases.update({ id, expectedVersion, fields: after, changes: changed, personalDataWarnings: warnings }, principal, scope);
    return toCaseDto(updated === NOT_CHANGED ? await this.raceLost(id, scope) : updated);
  }

  /** Withdrawn, never deleted: it stays readable, and can no longer be changed. A retry (already withdrawn) answers the case as it is. */
  async withdraw(id: string, body: unknown, ifMatch: string | undefined, principal: Principal): Promise<CaseDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    if (principal.tier !== 'icb') throw new NotAnIcbError();
    const row = await this.visibleCase(id, principal);
    if (row.status === 'withdrawn') {
      await this.cases.recordAccess(principal, { action: 'read', resourceType: 'case', resourceId: id, outcome: 'success' });
      return toCaseDto(row);
    }
    assertChangeable(row, expectedVersion);
    const { value, problems } = await validateAs(WithdrawalDto, body);
    const screening = this.personalData.screen({ [WITHDRAWAL_REASON]: value?.reason });
    refuseIfAny(problems, screening.problems);
    const warnings = [...personalDataWarningsOf(row), ...screening.warnings];
    const scope = await this.scopes.of(principal);
    const withdrawn = await this.cases.withdraw({ id, expectedVersion, reason: value!.reason, personalDataWarnings: warnings }, principal, scope);
    return toCaseDto(withdrawn === NOT_CHANGED ? await this.raceLost(id, scope) : withdrawn);
  }

  private async visibleCase(id: string, principal: Principal): Promise<CaseRow> {
    const row = await this.cases.findById(id, await this.scopes.of(principal));
    if (row !== null) return row;
    await this.cases.recordAccess(principal, { action: 'read', resourceType: 'case', resourceId: id, outcome: (await this.cases.exists(id)) ? 'denied' : 'not-found' });
    throw new CaseNotFoundError(id);
  }

  /** Changed only by its own ICB, while open, at the version the caller read. */
  private async changeableCase(id: string, expectedVersion: number, principal: Principal): Promise<CaseRow> {
    if (principal.tier !== 'icb') throw new NotAnIcbError();
    const row = await this.visibleCase(id, principal);
    assertChangeable(row, expectedVersion);
    return row;
  }

  /** Another change committed between our read and our write: say which. */
  private async raceLost(id: string, scope: RecordScope): Promise<never> {
    const current = (await this.cases.findById(id, scope))!;
    throw current.status === 'withdrawn' ? new CaseWithdrawnError(id) : new VersionMismatchError(current.version);
  }

  /** A concurrent request with the same key won: its committed result is ours too. */
  private async replayAfterRace(principal: Principal, key: string, requestHash: string): Promise<CaseDto> {
    const replay = await this.replay(principal, key, requestHash);
    if (!replay) throw new IdempotencyKeyInProgressError();
    return replay;
  }

  private async replay(principal: Principal, key: string, requestHash: string): Promise<CaseDto | undefined> {
    const previous = await this.cases.findIdempotentRequest(principal.organisationCode, key);
    if (!previous) return undefined;
    if (previous.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    const row = await this.cases.findById(previous.resourceId, await this.scopes.of(principal));
    return row ? toCaseDto(row) : undefined;
  }
}

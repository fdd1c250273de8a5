import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { CodeListCopy } from '@scrt/reference-copy';
import { todayInEngland } from '@scrt/working-days';
import { ValidationFailedError } from '@scrt/http';
import { CaseScopes } from '../case-scope/case-scopes.js';
import { CaseNotFoundError, IdempotencyKeyInProgressError, IdempotencyKeyReusedError, NotAnIcbError, ReferenceDataUnavailableError } from './cases.errors.js';
import { CasesRepository, KEY_TAKEN, type CaseRow } from './cases.repository.js';
import type { CaseDto } from './dto/case.dto.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';

export function toCaseDto(row: CaseRow): CaseDto {
  return {
    id: row.id,
    organisationCode: row.organisationCode,
    regionCode: row.regionCode,
    incidentDate: row.incidentDate.toISOString().slice(0, 10),
    reviewType: row.reviewType,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export interface CreatedCase {
  dto: CaseDto;
  /** False when an Idempotency-Key replay returned the first result. */
  created: boolean;
}

const REVIEW_TYPES = 'review-types';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

function assertIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationFailedError([{ field: 'Idempotency-Key', code: 'MATCHES', message: 'Idempotency-Key must be 8 to 200 letters, digits or ._:-' }]);
  }
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly codeLists: CodeListCopy,
    private readonly scopes: CaseScopes,
  ) {}

  async create(input: CreateCaseDto, principal: Principal, idempotencyKey?: string): Promise<CreatedCase> {
    if (principal.tier !== 'icb' || !principal.regionCode) throw new NotAnIcbError();
    await this.scopes.assertMayRecordCases(principal);
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    if (idempotencyKey !== undefined) {
      assertIdempotencyKey(idempotencyKey);
      const replay = await this.replay(principal, idempotencyKey, requestHash);
      if (replay) return { dto: replay, created: false };
    }
    await this.assertValidForNewRecord(REVIEW_TYPES, 'reviewType', input.reviewType);
    const scope = await this.scopes.of(principal);
    const row = await this.cases.create(
      { id: randomUUID(), organisationCode: principal.organisationCode, regionCode: principal.regionCode, incidentDate: input.incidentDate, reviewType: input.reviewType },
      principal,
      scope,
      idempotencyKey ? { key: idempotencyKey, requestHash } : undefined,
    );
    if (row === KEY_TAKEN) return { dto: await this.replayAfterRace(principal, idempotencyKey!, requestHash), created: false };
    return { dto: toCaseDto(row), created: true };
  }

  /** Against the local copy of the list in force today: reference-data is never called on a write. */
  private async assertValidForNewRecord(list: string, field: string, code: string): Promise<void> {
    const check = await this.codeLists.checkForNewRecord(list, code, todayInEngland());
    if (check.outcome === 'valid') return;
    if (check.outcome === 'no-version') throw new ReferenceDataUnavailableError(list);
    const problem =
      check.outcome === 'deprecated'
        ? { field, code: 'DEPRECATED_CODE', message: `${field} ${code} is deprecated in ${list} version ${check.version}: not accepted on new records` }
        : { field, code: 'UNKNOWN_CODE', message: `${field} ${code} is not a code of ${list} version ${check.version}` };
    throw new ValidationFailedError([problem], problem.message);
  }

  /** Out-of-scope and missing cases look the same, so existence does not leak. */
  async get(id: string, principal: Principal): Promise<CaseDto> {
    const row = await this.cases.findById(id, await this.scopes.of(principal));
    const outcome = row ? 'success' : (await this.cases.exists(id)) ? 'denied' : 'not-found';
    await this.cases.recordAccess(principal, { action: 'read', resourceType: 'case', resourceId: id, outcome });
    if (!row) throw new CaseNotFoundError(id);
    return toCaseDto(row);
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

import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { todayInEngland } from '@scrt/working-days';
import { isoDateOf } from '../calendar/dto/calendar-date.js';
import { codesToCsv, parseCodesCsv } from './code-list-csv.js';
import { diffCodes, groupingProblems, type CodeValues } from './code-list-rules.js';
import {
  CodeListCsvInvalidError,
  CodeListDraftExistsError,
  CodeListFieldError,
  CodeListNotFoundError,
  CodeNotFoundError,
  NoCodeListDraftError,
  PublishedCodeRemovalError,
} from './code-lists.errors.js';
import { CodeListsRepository } from './code-lists.repository.js';
import type { CodeImportReportDto, CodeListDiffDto, CodeListHistoryDto, CodeListSummaryDto, CodeListVersionDto, CodeListVersionSummaryDto, PutCodeDto } from './dto/code-list.dto.js';

type VersionRow = NonNullable<Awaited<ReturnType<CodeListsRepository['findVersion']>>>;
type VersionSummaryRow = Awaited<ReturnType<CodeListsRepository['listVersions']>>[number];

const toSummaryDto = (row: VersionSummaryRow): CodeListVersionSummaryDto => ({
  version: row.version,
  status: row.status,
  effectiveFrom: row.effectiveFrom ? isoDateOf(row.effectiveFrom) : null,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  publishedBy: row.publishedBy,
});

const toCodeValues = (row: VersionRow): CodeValues[] =>
  row.codes.map(({ code, label, description, sortOrder, parentCode, deprecated }) => ({ code, label, description, sortOrder, parentCode, deprecated }));

const toVersionDto = (row: VersionRow): CodeListVersionDto => ({ ...toSummaryDto(row), listCode: row.listCode, listName: row.list.name, codes: toCodeValues(row) });

/**
 * Versioned code lists: one draft per list edited freely, published versions immutable and in force
 * from their date, every version kept; a code once published is deprecated, never removed.
 */
@Injectable()
export class CodeListsService {
  constructor(private readonly lists: CodeListsRepository) {}

  async listLists(): Promise<CodeListSummaryDto[]> {
    const today = todayInEngland();
    return Promise.all(
      (await this.lists.listLists()).map(async (list) => ({
        code: list.code,
        name: list.name,
        description: list.description,
        grouped: list.grouped,
        versionInForce: (await this.lists.findInForce(list.code, today))?.version ?? null,
      })),
    );
  }

  async get(list: string, query: { asAt?: string; version?: number }): Promise<CodeListVersionDto> {
    await this.requireList(list);
    if (query.version !== undefined) return toVersionDto(await this.requireVersion(list, query.version, 'published'));
    const asAt = query.asAt ?? todayInEngland();
    const row = await this.lists.findInForce(list, asAt);
    if (!row) throw new CodeListNotFoundError(`No version of ${list} is in force on ${asAt}.`);
    return toVersionDto(row);
  }

  async history(list: string): Promise<CodeListHistoryDto> {
    await this.requireList(list);
    const [versions, changes] = await Promise.all([this.lists.listVersions(list), this.lists.history(list)]);
    return {
      versions: versions.map(toSummaryDto),
      changes: changes.map((change) => ({ occurredAt: change.occurredAt.toISOString(), actorSubject: change.actorSubject, action: change.action, resourceId: change.resourceId, outcome: change.outcome })),
    };
  }

  async diff(list: string, from: number, to: number): Promise<CodeListDiffDto> {
    await this.requireList(list);
    const [before, after] = [await this.requireVersion(list, from), await this.requireVersion(list, to)];
    return { listCode: list, from, to, ...diffCodes(toCodeValues(before), toCodeValues(after)) };
  }

  async exportCsv(list: string, version?: number): Promise<string> {
    const row = version === undefined ? await this.get(list, {}) : toVersionDto(await this.requireVersion(list, version));
    return codesToCsv(row.codes);
  }

  async draft(list: string): Promise<CodeListVersionDto> {
    return toVersionDto(await this.requireDraft(list));
  }

  async createDraft(list: string, principal: Principal): Promise<CodeListVersionDto> {
    await this.requireList(list);
    const existing = await this.lists.findDraft(list);
    if (existing) throw new CodeListDraftExistsError(list, existing.version);
    const latest = await this.lists.findLatestPublished(list);
    const version = await this.lists.createDraft(list, latest ? toCodeValues(latest) : [], principal);
    if (version === undefined) throw new CodeListDraftExistsError(list, (await this.lists.findDraft(list))?.version);
    return toVersionDto((await this.lists.findVersion(list, version))!);
  }

  async putCode(list: string, code: string, input: PutCodeDto, principal: Principal): Promise<CodeListVersionDto> {
    const draft = await this.requireDraft(list);
    const existing = draft.codes.find((candidate) => candidate.code === code);
    const values: CodeValues = {
      code,
      label: input.label,
      description: input.description === undefined ? (existing?.description ?? null) : input.description,
      sortOrder: input.sortOrder ?? existing?.sortOrder ?? Math.max(0, ...draft.codes.map((candidate) => candidate.sortOrder)) + 10,
      parentCode: input.parentCode === undefined ? (existing?.parentCode ?? null) : input.parentCode,
      deprecated: input.deprecated ?? existing?.deprecated ?? false,
    };
    const codes = [...toCodeValues(draft).filter((candidate) => candidate.code !== code), values];
    const problems = groupingProblems(codes, () => 'parentCode').filter((problem) => problem.message.startsWith(`${code}:`));
    if (problems.length > 0) throw new CodeListFieldError(problems);
    await this.lists.putCodes(list, draft.version, [values], principal);
    return this.draft(list);
  }

  async deleteCode(list: string, code: string, principal: Principal): Promise<CodeListVersionDto> {
    const draft = await this.requireDraft(list);
    if ((await this.lists.publishedCodes(list)).has(code)) throw new PublishedCodeRemovalError(list, code);
    if (draft.codes.some((candidate) => candidate.parentCode === code)) {
      throw new CodeListFieldError([{ field: 'code', code: 'HAS_CHILDREN', message: `${code} is the parent of other codes: move them first` }]);
    }
    if (!(await this.lists.deleteCode(list, draft.version, code, principal))) throw new CodeNotFoundError(list, code);
    return this.draft(list);
  }

  /** Sets the CSV's codes in the draft, all or none; a dry run reports every row's problems and changes nothing. */
  async importCsv(list: string, csv: string, dryRun: boolean, principal: Principal): Promise<CodeImportReportDto> {
    const draft = await this.requireDraft(list);
    const parsed = parseCodesCsv(csv);
    const lineOf = new Map(parsed.codes.map((code, index) => [code.code, index]));
    const merged = [...toCodeValues(draft).filter((code) => !lineOf.has(code.code)), ...parsed.codes];
    const imported = new Set(parsed.codes.map((code) => code.code));
    const grouping = groupingProblems(merged, (code) => code.code)
      .filter((problem) => imported.has(problem.field))
      .map((problem) => ({ line: 0, column: 'parent_code', field: problem.field, code: problem.code, message: problem.message }));
    const errors = [...parsed.errors, ...grouping];
    if (errors.length > 0 && !dryRun) throw new CodeListCsvInvalidError(errors);
    if (!dryRun) await this.lists.putCodes(list, draft.version, parsed.codes, principal);
    return { dryRun, rows: parsed.rows, applied: dryRun ? 0 : parsed.codes.length, errors };
  }

  async publish(list: string, effectiveFrom: string, principal: Principal): Promise<CodeListVersionDto> {
    const draft = await this.requireDraft(list);
    if (effectiveFrom < todayInEngland()) {
      throw new CodeListFieldError([{ field: 'effectiveFrom', code: 'NOT_IN_THE_PAST', message: 'effectiveFrom must be today or later: a published version never changes what was in force before' }]);
    }
    const latest = await this.lists.findLatestPublished(list);
    const latestFrom = latest?.effectiveFrom ? isoDateOf(latest.effectiveFrom) : undefined;
    if (latestFrom && effectiveFrom < latestFrom) {
      throw new CodeListFieldError([{ field: 'effectiveFrom', code: 'BEFORE_LATEST_VERSION', message: `effectiveFrom must not be before ${latestFrom}, when version ${latest!.version} takes effect` }]);
    }
    const published = await this.lists.publishedCodes(list);
    const missing = [...published].filter((code) => !draft.codes.some((candidate) => candidate.code === code));
    if (missing.length > 0) throw new PublishedCodeRemovalError(list, missing.join(', '));
    if (!(await this.lists.publish(list, draft.version, effectiveFrom, principal))) throw new NoCodeListDraftError(list);
    return toVersionDto((await this.lists.findVersion(list, draft.version))!);
  }

  async discard(list: string, principal: Principal): Promise<void> {
    const draft = await this.requireDraft(list);
    if (!(await this.lists.discard(list, draft.version, principal))) throw new NoCodeListDraftError(list);
  }

  private async requireList(list: string): Promise<void> {
    if (!(await this.lists.findList(list))) throw new CodeListNotFoundError(`There is no code list ${list}.`);
  }

  private async requireVersion(list: string, version: number, status?: string): Promise<VersionRow> {
    const row = await this.lists.findVersion(list, version);
    if (!row || (status && row.status !== status) || row.status === 'discarded') throw new CodeListNotFoundError(`${list} has no ${status ?? ''} version ${version}.`.replace('  ', ' '));
    return row;
  }

  private async requireDraft(list: string): Promise<VersionRow> {
    await this.requireList(list);
    const draft = await this.lists.findDraft(list);
    if (!draft) throw new NoCodeListDraftError(list);
    return draft;
  }
}

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
  NoCodeListDraftError,
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
 * from their date, every version kept. Codes are added, edited and deprecated, never removed (no
 * operation removes one, and the database refuses to change a published version).
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
    return this.getPublished(list, await this.publishedVersionOf(list, query));
  }

  /** The number of the published version asked for (`version`, else the one in force `asAt` or today), read without its codes. */
  async publishedVersionOf(list: string, query: { asAt?: string; version?: number }): Promise<number> {
    if (query.version !== undefined) {
      if (await this.lists.isPublished(list, query.version)) return query.version;
      await this.requireList(list);
      throw new CodeListNotFoundError(`${list} has no published version ${query.version}.`);
    }
    const asAt = query.asAt ?? todayInEngland();
    const version = await this.lists.findInForceNumber(list, asAt);
    if (version !== undefined) return version;
    await this.requireList(list);
    throw new CodeListNotFoundError(`No version of ${list} is in force on ${asAt}.`);
  }

  async getPublished(list: string, version: number): Promise<CodeListVersionDto> {
    return toVersionDto(await this.requireVersion(list, version, 'published'));
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

  /** Without a draft, the edit starts one from the latest published version (only once the edit is known to be valid). */
  async putCode(list: string, code: string, input: PutCodeDto, principal: Principal): Promise<CodeListVersionDto> {
    const base = await this.editBase(list);
    const existing = base.codes.find((candidate) => candidate.code === code);
    const values: CodeValues = {
      code,
      label: input.label,
      description: input.description === undefined ? (existing?.description ?? null) : input.description,
      sortOrder: input.sortOrder ?? existing?.sortOrder ?? Math.max(0, ...base.codes.map((candidate) => candidate.sortOrder)) + 10,
      parentCode: input.parentCode === undefined ? (existing?.parentCode ?? null) : input.parentCode,
      deprecated: input.deprecated ?? existing?.deprecated ?? false,
    };
    const codes = [...base.codes.filter((candidate) => candidate.code !== code), values];
    const problems = groupingProblems(codes, () => 'parentCode').filter((problem) => problem.message.startsWith(`${code}:`));
    if (problems.length > 0) throw new CodeListFieldError(problems);
    await this.lists.putCodes(list, await this.draftVersionFor(list, base, principal), [values], principal);
    return this.draft(list);
  }

  /** Sets the CSV's codes in the draft, all or none; a dry run reports every row's problems and changes nothing. */
  async importCsv(list: string, csv: string, dryRun: boolean, principal: Principal): Promise<CodeImportReportDto> {
    const base = await this.editBase(list);
    const parsed = parseCodesCsv(csv);
    const imported = new Set(parsed.codes.map((code) => code.code));
    const merged = [...base.codes.filter((code) => !imported.has(code.code)), ...parsed.codes];
    const grouping = groupingProblems(merged, (code) => code.code)
      .filter((problem) => imported.has(problem.field))
      .map((problem) => ({ line: 0, column: 'parent_code', field: problem.field, pointer: '/csv', code: problem.code, message: problem.message }));
    const errors = [...parsed.errors, ...grouping];
    if (errors.length > 0 && !dryRun) throw new CodeListCsvInvalidError(errors);
    if (!dryRun) await this.lists.putCodes(list, await this.draftVersionFor(list, base, principal), parsed.codes, principal);
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

  /** What an edit applies to: the draft, else the latest published version (which a draft will copy). */
  private async editBase(list: string): Promise<{ draftVersion?: number; codes: CodeValues[] }> {
    await this.requireList(list);
    const draft = await this.lists.findDraft(list);
    if (draft) return { draftVersion: draft.version, codes: toCodeValues(draft) };
    const latest = await this.lists.findLatestPublished(list);
    return { codes: latest ? toCodeValues(latest) : [] };
  }

  private async draftVersionFor(list: string, base: { draftVersion?: number }, principal: Principal): Promise<number> {
    return base.draftVersion ?? (await this.createDraft(list, principal)).version;
  }

  private async requireDraft(list: string): Promise<VersionRow> {
    await this.requireList(list);
    const draft = await this.lists.findDraft(list);
    if (!draft) throw new NoCodeListDraftError(list);
    return draft;
  }
}

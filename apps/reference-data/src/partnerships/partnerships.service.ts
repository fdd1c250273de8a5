import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import type { FieldProblem } from '@scrt/http';
import { isoDateOf } from '../calendar/dto/calendar-date.js';
import type { CreatePartnershipDto, ImportReportDto, PartnershipDto, PartnershipKind, PartnershipListQuery, UpdatePartnershipDto } from './dto/partnership.dto.js';
import { csvProblem, type CsvRowProblem } from '../csv/csv-table.js';
import { columnOf, readPartnershipCsv } from './partnership-csv.js';
import { PartnershipCsvInvalidError, PartnershipEndedError, PartnershipInvalidError, PartnershipNotFoundError } from './partnerships.errors.js';
import { PartnershipsRepository, type PartnershipValues } from './partnerships.repository.js';

type PartnershipRow = NonNullable<Awaited<ReturnType<PartnershipsRepository['findById']>>>;

const toDto = (row: PartnershipRow): PartnershipDto => ({
  id: row.id,
  name: row.name,
  kind: row.kind as PartnershipKind,
  localAuthorities: row.localAuthorities,
  icbOdsCodes: row.icbOdsCodes,
  effectiveFrom: isoDateOf(row.effectiveFrom),
  effectiveTo: row.effectiveTo ? isoDateOf(row.effectiveTo) : null,
  version: row.version,
});

interface Period {
  effectiveFrom: string;
  effectiveTo?: string | null;
}

const overlaps = (a: Period, b: Period) => a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') && b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31');
const sameIdentity = (a: { kind: string; name: string }, b: { kind: string; name: string }) => a.kind === b.kind && a.name.toLowerCase() === b.name.toLowerCase();

/** A problem found by the business rules, on a property of the partnership. */
interface RuleProblem {
  property: keyof CreatePartnershipDto;
  code: string;
  message: string;
}

@Injectable()
export class PartnershipsService {
  constructor(private readonly partnerships: PartnershipsRepository) {}

  async list(query: PartnershipListQuery): Promise<PartnershipDto[]> {
    return (await this.partnerships.findMany(query)).map(toDto);
  }

  async get(id: string): Promise<PartnershipDto> {
    return toDto(await this.require(id));
  }

  async create(input: CreatePartnershipDto, principal: Principal): Promise<PartnershipDto> {
    const problems = (await this.ruleProblems([input]))[0];
    if (problems.length > 0) throw new PartnershipInvalidError(problems.map(({ property, code, message }) => ({ field: property, code, message })));
    const [row] = await this.partnerships.createMany([input], principal);
    return toDto(row);
  }

  async update(id: string, changes: UpdatePartnershipDto, principal: Principal): Promise<PartnershipDto> {
    const current = await this.require(id);
    const unknown = await this.unknownIcbs(changes.icbOdsCodes ?? []);
    if (unknown.length > 0) throw new PartnershipInvalidError([unknownIcbProblem('icbOdsCodes', unknown)]);
    if (changes.name && changes.name.toLowerCase() !== current.name.toLowerCase()) {
      const period = { effectiveFrom: isoDateOf(current.effectiveFrom), effectiveTo: current.effectiveTo ? isoDateOf(current.effectiveTo) : null };
      const clash = (await this.partnerships.findByKindAndNames([{ kind: current.kind, name: changes.name }])).find((other) => other.id !== id && overlaps(period, toDto(other)));
      if (clash) throw new PartnershipInvalidError([{ field: 'name', code: 'DUPLICATE', message: `another ${current.kind} named ${changes.name} exists in the same period` }]);
    }
    return toDto(await this.partnerships.update(id, changes, principal));
  }

  async end(id: string, effectiveTo: string, principal: Principal): Promise<PartnershipDto> {
    const current = await this.require(id);
    if (current.effectiveTo) throw new PartnershipEndedError(id, isoDateOf(current.effectiveTo));
    if (effectiveTo < isoDateOf(current.effectiveFrom)) {
      throw new PartnershipInvalidError([{ field: 'effectiveTo', code: 'BEFORE_EFFECTIVE_FROM', message: `effectiveTo must not be before ${isoDateOf(current.effectiveFrom)}, when the partnership starts` }]);
    }
    return toDto(await this.partnerships.update(id, { effectiveTo }, principal));
  }

  /** Checks every row; imports all of them or none. A dry run reports and changes nothing. */
  async importCsv(csv: string, dryRun: boolean, principal: Principal): Promise<ImportReportDto> {
    const { rows, problems } = await readPartnershipCsv(csv);
    const ruleProblems = await this.ruleProblems(rows.map((row) => row.partnership));
    const errors: CsvRowProblem[] = [
      ...problems,
      ...rows.flatMap((row, i) => ruleProblems[i].map((problem) => csvProblem(row.line, columnOf(problem.property), problem.code, problem.message))),
    ].sort((a, b) => a.line - b.line);
    const rowCount = rows.length + new Set(problems.filter((problem) => problem.line > 1).map((problem) => problem.line)).size;
    if (dryRun) return { dryRun, rows: rowCount, created: 0, errors };
    if (errors.length > 0) throw new PartnershipCsvInvalidError(errors);
    const created = await this.partnerships.createMany(
      rows.map((row) => row.partnership),
      principal,
    );
    return { dryRun, rows: rowCount, created: created.length, errors: [] };
  }

  /** For each candidate: unknown ICBs, an end before the start, a same-named partnership of the same kind in an overlapping period. */
  private async ruleProblems(candidates: PartnershipValues[]): Promise<RuleProblem[][]> {
    const known = await this.partnerships.knownIcbs([...new Set(candidates.flatMap((candidate) => candidate.icbOdsCodes))]);
    const existing = candidates.length > 0 ? (await this.partnerships.findByKindAndNames(candidates)).map(toDto) : [];
    return candidates.map((candidate, i) => {
      const problems: RuleProblem[] = [];
      const unknown = candidate.icbOdsCodes.filter((code) => !known.has(code));
      if (unknown.length > 0) problems.push({ property: 'icbOdsCodes', ...withoutField(unknownIcbProblem('icbOdsCodes', unknown)) });
      if (candidate.effectiveTo && candidate.effectiveTo < candidate.effectiveFrom) {
        problems.push({ property: 'effectiveTo', code: 'BEFORE_EFFECTIVE_FROM', message: 'effectiveTo must not be before effectiveFrom' });
      }
      const earlierInBatch = candidates.slice(0, i).some((other) => sameIdentity(other, candidate) && overlaps(other, candidate));
      if (earlierInBatch || existing.some((other) => sameIdentity(other, candidate) && overlaps(other, candidate))) {
        problems.push({ property: 'name', code: 'DUPLICATE', message: `a ${candidate.kind} named ${candidate.name} exists in an overlapping period` });
      }
      return problems;
    });
  }

  private async unknownIcbs(codes: string[]): Promise<string[]> {
    const known = await this.partnerships.knownIcbs(codes);
    return codes.filter((code) => !known.has(code));
  }

  private async require(id: string): Promise<PartnershipRow> {
    const row = await this.partnerships.findById(id);
    if (!row) throw new PartnershipNotFoundError(id);
    return row;
  }
}

function unknownIcbProblem(field: string, codes: string[]): FieldProblem {
  return { field, code: 'UNKNOWN_ICB', message: `not an ICB: ${codes.join(', ')}` };
}

const withoutField = ({ code, message }: FieldProblem) => ({ code, message });

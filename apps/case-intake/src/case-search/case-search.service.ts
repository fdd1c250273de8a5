import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { ValidationFailedError, type FieldProblem } from '@scrt/http';
import { CaseScopes } from '../case-scope/case-scopes.js';
import { toCaseDto } from '../cases/cases.service.js';
import { decodeCursor, encodeCursor } from './case-cursor.js';
import { CaseSearchRepository } from './case-search.repository.js';
import { DEFAULT_LIMIT, DEFAULT_SORT, type CaseListDto, type ListCasesQuery } from './dto/list-cases.query.js';

const RANGES = [
  ['incidentFrom', 'incidentTo'],
  ['addedFrom', 'addedTo'],
] as const;

/** Both ends of a date range in order; every range reported together. */
function assertRanges(query: ListCasesQuery): void {
  const problems: FieldProblem[] = RANGES.filter(([from, to]) => query[from] && query[to] && query[from] > query[to]).map(([from, to]) => ({
    field: to,
    pointer: `/${to}`,
    code: 'DATE_ORDER',
    message: `${to} must not be before ${from}`,
  }));
  if (problems.length > 0) throw new ValidationFailedError(problems);
}

/** The names of the filters a list used, never their values (a search text may hold anything). */
function filtersOf(query: ListCasesQuery): string {
  return Object.keys(query)
    .filter((name) => name !== 'cursor' && name !== 'limit' && query[name as keyof ListCasesQuery] !== undefined)
    .sort()
    .join(',');
}

@Injectable()
export class CaseSearchService {
  constructor(
    private readonly repository: CaseSearchRepository,
    private readonly scopes: CaseScopes,
  ) {}

  /** A page of the cases in the caller's scope; the query (filter names) and each case returned are audited. */
  async list(query: ListCasesQuery, principal: Principal): Promise<CaseListDto> {
    assertRanges(query);
    const sort = query.sort ?? DEFAULT_SORT;
    const page = await this.repository.search({
      ...query,
      scope: await this.scopes.of(principal),
      sort,
      limit: query.limit ?? DEFAULT_LIMIT,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort),
      includeWithdrawn: query.includeWithdrawn === 'true',
      regionCodes: query.regionCode === undefined ? undefined : await this.scopes.codesOfRegion(query.regionCode),
    });
    const last = page.rows.length - 1;
    await this.repository.recordAccess(principal, [
      { action: 'list', resourceType: 'case-list', resourceId: `filters=${filtersOf(query)}`.slice(0, 100), outcome: 'success' },
      ...page.rows.map((row) => ({ action: 'list' as const, resourceType: 'case', resourceId: row.id, outcome: 'success' as const })),
    ]);
    return {
      items: page.rows.map(toCaseDto),
      nextCursor: page.hasMore ? encodeCursor({ sort, key: page.keys[last], id: page.rows[last].id }) : null,
    };
  }
}

import type { Principal } from '@scrt/contracts';
import type { FieldError } from '../../cases/case-form/case-form.js';
import { filtersViewModel, pageQueryOf, PERIODS, type ReportFilters } from '../report-filters/report-filters.form.js';
import { renderFigure } from '../figures/figure.js';
import { REPORT_NAMES, type ReportAnswer, type ReportName } from './report-answer.js';
import { REPORT_PAGES, type DashboardCodes } from './report-pages.js';

const PERIOD_NAMES: Record<string, string> = { month: 'month', quarter: 'quarter', financialYear: 'financial year', all: 'whole period' };

/** Whose data the page shows: the service scoped it; this names that scope for people. */
export function scopeText(principal: Principal, scope: ReportAnswer['scope'] | undefined): string {
  const tier = scope?.tier ?? principal.tier;
  if (tier === 'national') return 'All regions and ICBs in England';
  const code = tier === 'region' ? (scope?.regionCode ?? principal.regionCode) : (scope?.organisationCode ?? principal.organisationCode);
  const name = principal.organisationName ?? principal.organisationCode;
  return `${tier === 'region' ? 'Region' : 'ICB'}: ${name}${code ? ` (${code})` : ''}`;
}

export interface ReportPageContext {
  name: ReportName;
  principal: Principal;
  filters: ReportFilters;
  errors: FieldError[];
  /** Undefined when the filters had errors and the service was not asked. */
  answer: ReportAnswer | undefined;
  codes: DashboardCodes;
  organisationNames: ReadonlyMap<string, string>;
  canExport: boolean;
}

/** The links of each dashboard to the others, with the filters the user chose. */
export const dashboardLinks = (current: ReportName, query: string) =>
  REPORT_NAMES.map((name) => ({ name, href: `/reports/${name}?${query}`, text: REPORT_PAGES[name].title, description: REPORT_PAGES[name].description, ...(name === current && { current: true }) }));

/** A dashboard: its filters, whose data and as of when, each figure (chart and table), the CSV link. */
export async function reportPageViewModel({ name, principal, filters, errors, answer, codes, organisationNames, canExport }: ReportPageContext) {
  const page = REPORT_PAGES[name];
  const query = pageQueryOf(filters);
  const rows = answer?.rows ?? [];
  const periodName = PERIOD_NAMES[filters.period] ?? 'period';
  return {
    name,
    title: page.title,
    description: page.description,
    action: `/reports/${name}`,
    scopeText: scopeText(principal, answer?.scope),
    dataAsOf: answer?.dataAsOf ?? null,
    periodText: PERIODS.find(({ value }) => value === filters.period)?.text,
    filters: filtersViewModel(filters, errors, principal.tier, codes['review-types']),
    errorList: errors.map(({ text, href }) => ({ text, href })),
    asked: answer !== undefined,
    figures: rows.length > 0 ? await Promise.all(page.figures({ rows, codes, organisationNames, tier: answer?.scope.tier ?? principal.tier, periodName }).map(renderFigure)) : [],
    csvHref: canExport && answer !== undefined ? `/reports/${name}/csv?${query}` : undefined,
    otherDashboards: dashboardLinks(name, query),
  };
}

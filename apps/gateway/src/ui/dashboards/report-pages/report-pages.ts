import type { ScopeTier } from '@scrt/contracts';
import { labelOf, type Code } from '../../cases/reference-lists.js';
import { percent } from '../charts/chart-spec.js';
import { columnsOf, figureOf, largest, pivot, type Figure } from '../figures/figure.js';
import { weightedMedians } from '../figures/medians.js';
import type { ReportName, ReportRow } from './report-answer.js';

/** Code lists whose labels the dashboards show in place of codes. */
export const DASHBOARD_CODE_LISTS = ['review-types', 'abuse-themes', 'recommendation-themes', 'designated-professional-roles'] as const;
export type DashboardCodes = Record<(typeof DASHBOARD_CODE_LISTS)[number], Code[]>;

export interface FigureContext {
  rows: ReportRow[];
  codes: DashboardCodes;
  /** Organisation (ICB, region) names by ODS code. */
  organisationNames: ReadonlyMap<string, string>;
  tier: ScopeTier;
  /** `month`, `quarter`... in words, for captions. */
  periodName: string;
}

interface ReportPage {
  title: string;
  description: string;
  /** Rows over all areas together, where every figure adds up across areas: the page fetches fewer rows. */
  overAllAreas?: boolean;
  figures(context: FigureContext): Figure[];
}

const TOP_THEMES = 10;

/** The area one level below the user's scope: national sees regions, a region (and an ICB) its ICBs. */
const areaOf = (tier: ScopeTier) => (tier === 'national' ? { column: 'regionCode', name: 'region', header: 'Region' } : { column: 'organisationCode', name: 'ICB', header: 'ICB' });
const nameOf = (names: ReadonlyMap<string, string>) => (code: string) => names.get(code) ?? code;
const LEARNING_KINDS: Record<string, string> = { recommendation: 'Recommendations', action: 'Actions', lesson: 'Lessons', dissemination: 'Dissemination', reaudit: 'Re-audits' };
/** `NOT_IMPLEMENTED` as `Not implemented`: the statuses of several kinds of learning item share one column. */
const statusName = (code: string) => (code === 'Not recorded' ? code : code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' '));
const MEDIANS = [
  { column: 'medianDaysToDecision', name: 'To decision' },
  { column: 'medianDaysToSignOff', name: 'To sign-off' },
  { column: 'medianDaysToPublication', name: 'To publication' },
];

export const REPORT_PAGES: Record<ReportName, ReportPage> = {
  caseload: {
    title: 'Caseload',
    description: 'New cases by period, type of review and area, and how many are open, closed or withdrawn.',
    figures: ({ rows, codes, organisationNames, tier, periodName }) => [
      figureOf(pivot(rows, { category: 'period', series: 'reviewType', value: 'cases' }, { series: (code) => labelOf(codes['review-types'], code) }), { id: 'caseload-by-type', caption: `New cases by ${periodName} and type of review`, categoryHeader: 'Period' }),
      figureOf(pivot(rows, { category: 'period', series: areaOf(tier).column, value: 'cases' }, { series: nameOf(organisationNames) }), { id: 'caseload-by-area', caption: `New cases by ${periodName} and ${areaOf(tier).name}`, categoryHeader: 'Period' }),
      figureOf(columnsOf(rows, 'period', [{ column: 'open', name: 'Open' }, { column: 'closed', name: 'Closed' }, { column: 'withdrawn', name: 'Withdrawn' }]), { id: 'caseload-status', caption: `Open, closed and withdrawn cases by ${periodName}`, categoryHeader: 'Period' }),
    ],
  },
  conversion: {
    title: 'Rapid review conversion',
    description: 'Rapid reviews opened in each period and how many were converted to a CSPR, SAR or DHR.',
    figures: ({ rows, periodName }) => {
      const counts = columnsOf(rows, 'period', [{ column: 'converted', name: 'Converted' }, { column: 'rapidReviews', name: 'Rapid reviews' }]);
      const rate = { categories: counts.categories, series: [{ name: 'Conversion rate', values: counts.categories.map((_, row) => (counts.series[0].values[row] ?? 0) / (counts.series[1].values[row] || 1)) }] };
      return [
        figureOf(rate, { id: 'conversion-rate', caption: `Rapid review conversion rate by ${periodName}`, categoryHeader: 'Period', kind: 'line', format: percent }),
        figureOf(columnsOf(rows, 'period', [{ column: 'toCspr', name: 'To CSPR' }, { column: 'toSar', name: 'To SAR' }, { column: 'toDhr', name: 'To DHR' }]), { id: 'conversion-to', caption: `Rapid reviews converted, by ${periodName} and type of full review`, categoryHeader: 'Period' }),
      ];
    },
  },
  timeliness: {
    title: 'Timeliness',
    description: 'Median days from referral to decision, sign-off and publication, and open reviews past the target of their current stage today.',
    figures: ({ rows, codes, organisationNames, tier }) => {
      const reviewType = (code: string) => labelOf(codes['review-types'], code);
      return [
        figureOf(weightedMedians(rows, 'reviewType', MEDIANS, 'reviews', reviewType), { id: 'median-days-by-type', caption: 'Median days from referral, by type of review (the medians of several periods or areas averaged by their number of reviews)', categoryHeader: 'Type of review', kind: 'grouped' }),
        figureOf(pivot(rows, { category: areaOf(tier).column, value: 'pastTargetNow' }, { category: nameOf(organisationNames) }), { id: 'past-target-by-area', caption: `Reviews past their target today, by ${areaOf(tier).name}`, categoryHeader: areaOf(tier).header }),
        figureOf(pivot(rows, { category: 'reviewType', value: 'pastTargetNow' }, { category: reviewType }), { id: 'past-target-by-type', caption: 'Reviews past their target today, by type of review', categoryHeader: 'Type of review' }),
      ];
    },
  },
  themes: {
    title: 'Themes',
    overAllAreas: true,
    description: `The ${TOP_THEMES} most frequent abuse and vulnerability themes of cases, and themes of recommendations.`,
    figures: ({ rows, codes }) => [
      figureOf(largest(pivot(rows.filter((row) => row.source === 'case'), { category: 'themeCode', value: 'count' }, { category: (code) => labelOf(codes['abuse-themes'], code) }), TOP_THEMES), { id: 'top-case-themes', caption: 'Most frequent abuse and vulnerability themes', categoryHeader: 'Theme' }),
      figureOf(largest(pivot(rows.filter((row) => row.source === 'recommendation'), { category: 'themeCode', value: 'count' }, { category: (code) => labelOf(codes['recommendation-themes'], code) }), TOP_THEMES), { id: 'top-recommendation-themes', caption: 'Most frequent recommendation themes', categoryHeader: 'Theme' }),
    ].filter((figure) => figure.table.rows.length > 0),
  },
  learning: {
    title: 'Learning',
    description: 'Recommendations, actions, lessons and dissemination by status, and those past their due date.',
    figures: ({ rows }) => {
      const kind = (code: string) => LEARNING_KINDS[code] ?? code;
      return [
        figureOf(pivot(rows, { category: 'kind', series: 'status', value: 'items' }, { category: kind, series: statusName }), { id: 'learning-by-status', caption: 'Learning items by kind and status', categoryHeader: 'Kind' }),
        figureOf(pivot(rows, { category: 'kind', value: 'overdue' }, { category: kind }), { id: 'learning-overdue', caption: 'Overdue learning items by kind', categoryHeader: 'Kind' }),
      ];
    },
  },
  workload: {
    title: 'Designated-professional workload',
    description: 'Cases and open cases per designated professional.',
    figures: ({ rows, codes }) => [
      figureOf(columnsOf(rows, 'designatedProfessional', [{ column: 'open', name: 'Open' }], (code) => labelOf(codes['designated-professional-roles'], code)), { id: 'workload-open', caption: 'Open cases by designated professional', categoryHeader: 'Designated professional' }),
    ],
  },
  'data-quality': {
    title: 'Data quality',
    description: 'Records that need attention: missing identifiers, dates out of order, stale records, reviews closed without sign-off.',
    figures: ({ rows, organisationNames }) => [
      figureOf(
        columnsOf(
          rows,
          'organisationCode',
          [
            { column: 'missingIdentifiers', name: 'Missing identifiers' },
            { column: 'dateOrderBreaks', name: 'Dates out of order' },
            { column: 'staleRecords', name: 'Stale records' },
            { column: 'closedWithoutSignOff', name: 'Closed without sign-off' },
          ],
          nameOf(organisationNames),
        ),
        { id: 'data-quality-by-icb', caption: 'Records that need attention, by ICB', categoryHeader: 'ICB' },
      ),
    ],
  },
};

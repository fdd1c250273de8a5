import type { ScopeTier } from '@scrt/contracts';

export const REPORT_NAMES = ['caseload', 'conversion', 'timeliness', 'themes', 'learning', 'workload', 'data-quality'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export type ReportRow = Record<string, string | number | null>;

/** What `GET /api/v1/reports/<name>` answers. */
export interface ReportAnswer {
  report: string;
  scope: { tier: ScopeTier; regionCode?: string; organisationCode?: string };
  generatedAt: string;
  dataAsOf: string | null;
  rows: ReportRow[];
}

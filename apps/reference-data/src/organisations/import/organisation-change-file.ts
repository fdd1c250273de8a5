import { OrganisationTypes, type OrganisationType } from '@scrt/reference-copy';
import { isIsoDate } from '@scrt/working-days';
import { readCsvTable } from '../../csv/csv-table.js';
import { csvProblem, type CsvRowProblem } from '../../csv/csv-table.js';

/** One row of an ODS-style change file: an organisation's period, its parent in it, and whom it succeeds. */
export interface OrganisationChangeRow {
  line: number;
  odsCode: string;
  name: string;
  type: OrganisationType;
  parentOdsCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  predecessorOdsCodes: string[];
}

export const CHANGE_FILE_COLUMNS = ['ods_code', 'name', 'type', 'parent_ods_code', 'effective_from', 'effective_to', 'predecessor_ods_codes'] as const;
const OPTIONAL_COLUMNS = new Set(['parent_ods_code', 'effective_to', 'predecessor_ods_codes']);
const ODS_CODE = /^[A-Z0-9]{3,5}$/;
const LIST_SEPARATOR = ';';

/** Reads the change file; every malformed field is reported (line and column), and only clean rows come back. */
export function readOrganisationChangeFile(csv: string): { rows: OrganisationChangeRow[]; problems: CsvRowProblem[]; rowCount: number } {
  const table = readCsvTable(csv);
  const missing = CHANGE_FILE_COLUMNS.filter((column) => !OPTIONAL_COLUMNS.has(column) && !table.columns.includes(column));
  if (missing.length > 0) return { rows: [], rowCount: 0, problems: missing.map((column) => csvProblem(1, column, 'MISSING_COLUMN', `the header has no column ${column}`)) };
  if (table.records.length === 0) return { rows: [], rowCount: 0, problems: [csvProblem(1, 'ods_code', 'NO_ROWS', 'the CSV has a header but no rows')] };
  const rows: OrganisationChangeRow[] = [];
  const problems: CsvRowProblem[] = [];
  for (const { line, values } of table.records) {
    const rowProblems = fieldProblems(values).map(([column, code, message]) => csvProblem(line, column, code, message));
    problems.push(...rowProblems);
    if (rowProblems.length > 0) continue;
    rows.push({
      line,
      odsCode: values.ods_code,
      name: values.name,
      type: values.type as OrganisationType,
      parentOdsCode: values.parent_ods_code || null,
      effectiveFrom: values.effective_from,
      effectiveTo: values.effective_to || null,
      predecessorOdsCodes: predecessorsOf(values),
    });
  }
  return { rows, problems, rowCount: table.records.length };
}

const predecessorsOf = (values: Record<string, string>) =>
  (values.predecessor_ods_codes ?? '')
    .split(LIST_SEPARATOR)
    .map((code) => code.trim())
    .filter((code) => code !== '');

function fieldProblems(values: Record<string, string>): [column: string, code: string, message: string][] {
  const problems: [string, string, string][] = [];
  const parent = values.parent_ods_code ?? '';
  if (!ODS_CODE.test(values.ods_code)) problems.push(['ods_code', 'INVALID_ODS_CODE', 'ods_code must be an ODS code (3 to 5 capital letters and digits)']);
  if (values.name === '' || values.name.length > 200) problems.push(['name', 'INVALID_NAME', 'name must have 1 to 200 characters']);
  if (!(OrganisationTypes as readonly string[]).includes(values.type)) problems.push(['type', 'INVALID_TYPE', `type must be one of ${OrganisationTypes.join(', ')}`]);
  if (parent !== '' && !ODS_CODE.test(parent)) problems.push(['parent_ods_code', 'INVALID_ODS_CODE', 'parent_ods_code must be an ODS code']);
  if (parent === '' && values.type !== 'national' && OrganisationTypes.includes(values.type as OrganisationType)) problems.push(['parent_ods_code', 'MISSING_PARENT', `a ${values.type} needs a parent`]);
  if (parent !== '' && values.type === 'national') problems.push(['parent_ods_code', 'UNEXPECTED_PARENT', 'NHS England (national) has no parent']);
  if (!isIsoDate(values.effective_from)) problems.push(['effective_from', 'INVALID_DATE', 'effective_from must be a calendar date YYYY-MM-DD']);
  const to = values.effective_to ?? '';
  if (to !== '' && !isIsoDate(to)) problems.push(['effective_to', 'INVALID_DATE', 'effective_to must be a calendar date YYYY-MM-DD or empty']);
  if (to !== '' && isIsoDate(to) && isIsoDate(values.effective_from) && to < values.effective_from) problems.push(['effective_to', 'INVALID_PERIOD', 'effective_to must not be before effective_from']);
  const badPredecessor = predecessorsOf(values).find((code) => !ODS_CODE.test(code));
  if (badPredecessor !== undefined) problems.push(['predecessor_ods_codes', 'INVALID_ODS_CODE', `${badPredecessor} is not an ODS code (several are separated by ;)`]);
  return problems;
}

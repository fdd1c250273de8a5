import { CODE_PATTERN } from '@scrt/contracts';
import { csvProblem, readCsvTable, type CsvRowProblem } from '../csv/csv-table.js';
import type { CodeValues } from './code-list-rules.js';

export const CODE_CSV_COLUMNS = ['code', 'label', 'description', 'sort_order', 'parent_code', 'deprecated'] as const;

const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The codes of a version as CSV, in the columns the import reads. */
export function codesToCsv(codes: CodeValues[]): string {
  const lines = codes.map((code) => [code.code, code.label, code.description ?? '', String(code.sortOrder), code.parentCode ?? '', String(code.deprecated)].map(quoted).join(','));
  return [CODE_CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

export interface ParsedCodes {
  rows: number;
  codes: CodeValues[];
  errors: CsvRowProblem[];
}

/** Reads an import CSV; every row's problems are reported (line, column, message), none stops the reading. */
export function parseCodesCsv(text: string): ParsedCodes {
  const table = readCsvTable(text);
  const errors: CsvRowProblem[] = [];
  const problem = (line: number, column: string, code: string, message: string) => errors.push(csvProblem(line, column, code, message));
  for (const column of ['code', 'label']) {
    if (!table.columns.includes(column)) problem(1, column, 'MISSING_COLUMN', `the header must have a ${column} column`);
  }
  const unknown = table.columns.filter((column) => !(CODE_CSV_COLUMNS as readonly string[]).includes(column));
  unknown.forEach((column) => problem(1, column, 'UNKNOWN_COLUMN', `unknown column ${column}: expected ${CODE_CSV_COLUMNS.join(', ')}`));
  if (errors.length > 0) return { rows: table.records.length, codes: [], errors };
  const seen = new Set<string>();
  const codes: CodeValues[] = [];
  for (const { line, values } of table.records) {
    const before = errors.length;
    if (!CODE_PATTERN.test(values.code)) problem(line, 'code', 'MATCHES', 'code must be 1 to 50 upper case letters, digits or underscores');
    else if (seen.has(values.code)) problem(line, 'code', 'DUPLICATE', `${values.code} appears more than once`);
    seen.add(values.code);
    if (values.label.length < 1 || values.label.length > 200) problem(line, 'label', 'LENGTH', 'label must be 1 to 200 characters');
    if ((values.description ?? '').length > 1000) problem(line, 'description', 'LENGTH', 'description must be at most 1000 characters');
    const sortOrder = values.sort_order ? Number(values.sort_order) : (codes.length + 1) * 10;
    if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 1_000_000) problem(line, 'sort_order', 'IS_INT', 'sort_order must be a whole number from 0 to 1000000');
    const parent = values.parent_code ?? '';
    if (parent && !CODE_PATTERN.test(parent)) problem(line, 'parent_code', 'MATCHES', 'parent_code must be a code of the list');
    const deprecated = values.deprecated ?? '';
    if (!['', 'true', 'false'].includes(deprecated)) problem(line, 'deprecated', 'IS_BOOLEAN', 'deprecated must be true or false');
    if (errors.length === before) {
      codes.push({ code: values.code, label: values.label, description: values.description || null, sortOrder, parentCode: parent || null, deprecated: deprecated === 'true' });
    }
  }
  return { rows: table.records.length, codes, errors };
}

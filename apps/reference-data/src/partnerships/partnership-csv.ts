import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toFieldProblems } from '@scrt/http';
import { csvProblem, readCsvTable, type CsvRowProblem } from '../csv/csv-table.js';
import { CreatePartnershipDto } from './dto/partnership.dto.js';

export interface CsvPartnershipRow {
  line: number;
  partnership: CreatePartnershipDto;
}

const COLUMN_OF: Record<keyof CreatePartnershipDto, string> = {
  name: 'name',
  kind: 'kind',
  localAuthorities: 'local_authorities',
  icbOdsCodes: 'icb_ods_codes',
  effectiveFrom: 'effective_from',
  effectiveTo: 'effective_to',
};
const REQUIRED_COLUMNS = Object.values(COLUMN_OF).filter((column) => column !== 'effective_to');
const LIST_SEPARATOR = ';';

export const columnOf = (property: keyof CreatePartnershipDto) => COLUMN_OF[property];

const list = (value: string) =>
  value
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * Reads partnerships from CSV and checks every row against the same rules as the create
 * endpoint, collecting every problem (not only the first) with its line and column.
 */
export async function readPartnershipCsv(csv: string): Promise<{ rows: CsvPartnershipRow[]; problems: CsvRowProblem[] }> {
  const table = readCsvTable(csv);
  const missing = REQUIRED_COLUMNS.filter((column) => !table.columns.includes(column));
  if (missing.length > 0) {
    return { rows: [], problems: missing.map((column) => csvProblem(1, column, 'MISSING_COLUMN', `the header has no column ${column}`)) };
  }
  if (table.records.length === 0) return { rows: [], problems: [csvProblem(1, 'name', 'NO_ROWS', 'the CSV has a header but no rows')] };
  const rows: CsvPartnershipRow[] = [];
  const problems: CsvRowProblem[] = [];
  for (const record of table.records) {
    const values = record.values;
    const partnership = plainToInstance(CreatePartnershipDto, {
      name: values.name,
      kind: values.kind,
      localAuthorities: list(values.local_authorities),
      icbOdsCodes: list(values.icb_ods_codes),
      effectiveFrom: values.effective_from,
      ...(values.effective_to ? { effectiveTo: values.effective_to } : {}),
    });
    const rowProblems = toFieldProblems(await validate(partnership)).map((problem) =>
      csvProblem(record.line, COLUMN_OF[problem.field.split('.')[0] as keyof CreatePartnershipDto] ?? problem.field, problem.code, problem.message),
    );
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else rows.push({ line: record.line, partnership });
  }
  return { rows, problems };
}

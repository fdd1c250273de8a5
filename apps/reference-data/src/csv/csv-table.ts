/** One data row of a CSV text, with the line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/** One complaint about an imported CSV: the line (header = 1), the column, what is wrong. */
export interface CsvRowProblem {
  line: number;
  column: string;
  field: string;
  /** Every CSV problem points at the request's `csv` member; `line` and `column` say where in it. */
  pointer: string;
  code: string;
  message: string;
}

export function csvProblem(line: number, column: string, code: string, message: string): CsvRowProblem {
  return { line, column, field: `line ${line}, ${column}`, pointer: '/csv', code, message };
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
}

/**
 * Reads CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks), keeping
 * each row's starting line so that errors can name it. Blank lines are skipped.
 */
export function readCsvTable(text: string): CsvTable {
  const rows = splitRows(text.replace(/^\uFEFF/, ''));
  const [header, ...data] = rows.filter((row) => row.fields.some((field) => field.trim() !== ''));
  if (!header) return { columns: [], records: [] };
  const columns = header.fields.map((column) => column.trim());
  return {
    columns,
    records: data.map((row) => ({ line: row.line, values: Object.fromEntries(columns.map((column, i) => [column, (row.fields[i] ?? '').trim()])) })),
  };
}

function splitRows(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      rows.push({ line: rowStart, fields: [...fields, field] });
      fields = [];
      field = '';
      line++;
      rowStart = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) rows.push({ line: rowStart, fields: [...fields, field] });
  return rows;
}

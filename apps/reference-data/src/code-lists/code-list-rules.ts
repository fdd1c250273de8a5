import type { FieldProblem } from '@scrt/http';

export interface CodeValues {
  code: string;
  label: string;
  description: string | null;
  sortOrder: number;
  parentCode: string | null;
  deprecated: boolean;
}

export interface CodeListDiff {
  added: CodeValues[];
  removed: CodeValues[];
  changed: { before: CodeValues; after: CodeValues }[];
}

const sameCode = (a: CodeValues, b: CodeValues) =>
  a.label === b.label && a.description === b.description && a.sortOrder === b.sortOrder && a.parentCode === b.parentCode && a.deprecated === b.deprecated;

/** What changed from one version's codes to another's. */
export function diffCodes(from: CodeValues[], to: CodeValues[]): CodeListDiff {
  const before = new Map(from.map((code) => [code.code, code]));
  const after = new Map(to.map((code) => [code.code, code]));
  return {
    added: to.filter((code) => !before.has(code.code)),
    removed: from.filter((code) => !after.has(code.code)),
    changed: to.filter((code) => before.has(code.code) && !sameCode(before.get(code.code)!, code)).map((code) => ({ before: before.get(code.code)!, after: code })),
  };
}

/**
 * Problems of a version's codes as a whole: a parent must be a code of the same list that is not
 * itself grouped (one level), and no code is its own parent.
 */
export function groupingProblems(codes: CodeValues[], field: (code: CodeValues) => string): FieldProblem[] {
  const byCode = new Map(codes.map((code) => [code.code, code]));
  const problems: FieldProblem[] = [];
  for (const code of codes) {
    if (!code.parentCode) continue;
    const parent = byCode.get(code.parentCode);
    if (!parent || parent.code === code.code) problems.push({ field: field(code), code: 'UNKNOWN_PARENT', message: `${code.code}: parent ${code.parentCode} is not another code of the list` });
    else if (parent.parentCode) problems.push({ field: field(code), code: 'NESTED_PARENT', message: `${code.code}: parent ${parent.code} is itself grouped (one level only)` });
  }
  return problems;
}

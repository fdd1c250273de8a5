import { codesToCsv, parseCodesCsv } from './code-list-csv.js';
import { diffCodes, groupingProblems } from './code-list-rules.js';
import { matchesIfNoneMatch, publishedVersionEtag } from '../http-caching.js';

const rapid = { code: 'RAPID_REVIEW', label: 'Rapid review, children', description: 'Say "15 days"', sortOrder: 10, parentCode: null, deprecated: false };

describe('code list CSV', () => {
  it('reads back what it exports, quotes and commas included', () => {
    const parsed = parseCodesCsv(codesToCsv([rapid, { ...rapid, code: 'SAR', label: 'SAR', description: null, sortOrder: 20, deprecated: true }]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.codes).toEqual([rapid, { ...rapid, code: 'SAR', label: 'SAR', description: null, sortOrder: 20, deprecated: true }]);
  });

  it('reports every bad row with its line and column', () => {
    const parsed = parseCodesCsv('code,label,sort_order,deprecated\nbad code,Label,10,false\nOK,,x,maybe\nOK,Again,30,true\n');
    expect(parsed.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [2, 'code', 'MATCHES'],
      [3, 'label', 'LENGTH'],
      [3, 'sort_order', 'IS_INT'],
      [3, 'deprecated', 'IS_BOOLEAN'],
      [4, 'code', 'DUPLICATE'],
    ]);
  });

  it('refuses a header without code or label, or with an unknown column', () => {
    expect(parseCodesCsv('code,colour\nA,red\n').errors.map((error) => error.code)).toEqual(['MISSING_COLUMN', 'UNKNOWN_COLUMN']);
  });
});

describe('code list rules', () => {
  it('diffs added, removed and changed codes', () => {
    const sar = { ...rapid, code: 'SAR' };
    const dhr = { ...rapid, code: 'DHR' };
    expect(diffCodes([rapid, sar], [{ ...rapid, deprecated: true }, dhr])).toEqual({ added: [dhr], removed: [sar], changed: [{ before: rapid, after: { ...rapid, deprecated: true } }] });
  });

  it('allows one level of grouping under a code of the same list', () => {
    const child = { ...rapid, code: 'CHILD' };
    const band = { ...rapid, code: 'UNDER_1', parentCode: 'CHILD' };
    expect(groupingProblems([child, band], (code) => code.code)).toEqual([]);
    expect(groupingProblems([band], (code) => code.code).map((problem) => problem.code)).toEqual(['UNKNOWN_PARENT']);
    expect(groupingProblems([child, band, { ...rapid, code: 'DAY_1', parentCode: 'UNDER_1' }], (code) => code.code).map((problem) => problem.code)).toEqual(['NESTED_PARENT']);
  });
});

describe('code list caching', () => {
  it('names a published version by its list and number, as a strong (quoted, unweakened) tag', () => {
    expect(publishedVersionEtag('review-types', 2)).toBe('"review-types.v2"');
    expect(publishedVersionEtag('review-types', 2)).not.toBe(publishedVersionEtag('review-types', 3));
  });

  it('matches If-None-Match lists and *, never a weak or other tag', () => {
    const etag = publishedVersionEtag('settings', 1);
    expect(matchesIfNoneMatch(`"x", ${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${etag}`, etag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
  });
});

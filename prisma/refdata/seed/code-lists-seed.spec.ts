import { ReviewTypeCodes } from '@scrt/contracts';
import { readSeedCodeLists } from './code-lists-seed.js';
import { parseCsvRecords } from './seed.js';

describe('code list seed', () => {
  it('seeds every list of SCRT.md §4 with codes, parents inside their own list', async () => {
    const lists = await readSeedCodeLists(parseCsvRecords);
    expect(lists.map((list) => list.code)).toEqual(expect.arrayContaining(['review-types', 'abuse-themes', 'identifier-types', 'review-stages', 'age-bands', 'contributory-factors']));
    expect(lists).toHaveLength(15);
    for (const list of lists) {
      expect(list.codes.length).toBeGreaterThan(1);
      const codes = new Set(list.codes.map((code) => code.code));
      expect(codes.size).toBe(list.codes.length);
      list.codes.filter((code) => code.parentCode).forEach((code) => expect(codes.has(code.parentCode!)).toBe(true));
    }
  });

  it('seeds exactly the review types in use before the lists existed', async () => {
    const reviewTypes = (await readSeedCodeLists(parseCsvRecords)).find((list) => list.code === 'review-types')!;
    expect(reviewTypes.codes.map((code) => code.code)).toEqual([...ReviewTypeCodes]);
  });
});

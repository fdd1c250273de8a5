import { describe, expect, it } from '@jest/globals';
import { knownPrincipals, withinScope } from './api-principals.js';

const byLabel = (label: string) => knownPrincipals().find((principal) => principal.label === label)!;

describe('the principals table', () => {
  it('places each caller from the demo accounts, the role mapping and the organisation seed', () => {
    expect(byLabel('ICB data input (QWO)')).toMatchObject({ kind: 'user', organisationCode: 'QWO', regionCode: 'Y63', tier: 'icb' });
    expect(byLabel('multi-role user acting for QMJ')).toMatchObject({ organisationCode: 'QMJ', regionCode: 'Y56', tier: 'icb' });
    expect(byLabel('region oversight London (Y56)')).toMatchObject({ organisationCode: 'Y56', regionCode: 'Y56', tier: 'region' });
    expect(byLabel('national analyst (X24)')).toMatchObject({ organisationCode: 'X24', tier: 'national' });
    expect(byLabel('machine client QMJ')).toMatchObject({ kind: 'client', organisationCode: 'QMJ', regionCode: 'Y56', tier: 'icb' });
    expect(byLabel('user without a role').tier).toBeUndefined();
    expect(byLabel('no token').kind).toBe('anonymous');
  });

  it('gives each the permissions of its workgroups or client scopes', () => {
    expect([...byLabel('ICB data input (QWO)').permissions]).toEqual(expect.arrayContaining(['case:create', 'case:read', 'report:read']));
    expect(byLabel('ICB reporting (QWO)').permissions.has('case:create')).toBe(false);
    expect([...byLabel('reference-data admin (X24)').permissions].sort()).toEqual(['reference-data:manage', 'reference-data:read']);
    expect(byLabel('machine client QWO').permissions.has('report:read')).toBe(false);
    expect(byLabel('user without a role').permissions.size).toBe(0);
  });
});

describe('withinScope', () => {
  it('lets an ICB see its own records only, a region those of its ICBs, the nation everything', () => {
    const qwo = { organisationCode: 'QWO', regionCode: 'Y63' };
    const qoq = { organisationCode: 'QOQ', regionCode: 'Y63' };
    const qmj = { organisationCode: 'QMJ', regionCode: 'Y56' };
    expect([qwo, qoq, qmj].map((owner) => withinScope(byLabel('ICB data input (QWO)'), owner))).toEqual([true, false, false]);
    expect([qwo, qoq, qmj].map((owner) => withinScope(byLabel('region oversight (Y63)'), owner))).toEqual([true, true, false]);
    expect([qwo, qoq, qmj].map((owner) => withinScope(byLabel('national analyst (X24)'), owner))).toEqual([true, true, true]);
    expect([qwo, qoq, qmj].map((owner) => withinScope(byLabel('user without a role'), owner))).toEqual([false, false, false]);
  });

  it('places an aggregate naming only an organisation by that organisation\'s region', () => {
    expect(withinScope(byLabel('region oversight (Y63)'), { organisationCode: 'QOQ' })).toBe(true);
    expect(withinScope(byLabel('region oversight (Y63)'), { organisationCode: 'QMJ' })).toBe(false);
  });
});

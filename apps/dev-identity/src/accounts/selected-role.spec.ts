import { RoleChoiceRequiredError, RoleNotHeldError } from './accounts.errors.js';
import type { DemoUser } from './demo-accounts.js';
import { mustChooseRole, selectedRoleId } from './selected-role.js';

const role = (person_roleid: string) => ({ person_roleid, org_code: 'QWO', role_code: 'S8000:G8000:R8001', role_name: 'Nurse Access Role', workgroups: [] });
const userWith = (...roleIds: string[]): DemoUser => ({ username: 'someone', name: 'Some One', nhsid_useruid: '555000000099', roles: roleIds.map(role) });

describe('selected role', () => {
  it('is the only role held when there is one', () => {
    expect(mustChooseRole(userWith('555000000101'))).toBe(false);
    expect(selectedRoleId(userWith('555000000101'))).toBe('555000000101');
  });

  it('is absent for a user without roles', () => {
    expect(mustChooseRole(userWith())).toBe(false);
    expect(selectedRoleId(userWith())).toBeUndefined();
  });

  it('must be chosen among several', () => {
    const user = userWith('555000000101', '555000000102');
    expect(mustChooseRole(user)).toBe(true);
    expect(() => selectedRoleId(user)).toThrow(RoleChoiceRequiredError);
    expect(selectedRoleId(user, '555000000102')).toBe('555000000102');
  });

  it('must be one the user holds', () => {
    expect(() => selectedRoleId(userWith('555000000101'), '555000000999')).toThrow(RoleNotHeldError);
  });
});

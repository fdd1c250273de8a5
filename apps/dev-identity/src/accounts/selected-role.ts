import { RoleChoiceRequiredError, RoleNotHeldError } from './accounts.errors.js';
import type { DemoUser } from './demo-accounts.js';

export function mustChooseRole(user: DemoUser): boolean {
  return user.roles.length > 1;
}

/**
 * The role the session acts in (`selected_roleid`): the one chosen, or the only one held. A user
 * with several roles must choose; one with none signs in without a selected role (relying
 * parties refuse them).
 */
export function selectedRoleId(user: DemoUser, chosenRoleId?: string): string | undefined {
  if (chosenRoleId !== undefined) {
    if (!user.roles.some((role) => role.person_roleid === chosenRoleId)) throw new RoleNotHeldError(user.username, chosenRoleId);
    return chosenRoleId;
  }
  if (mustChooseRole(user)) throw new RoleChoiceRequiredError(user.username);
  return user.roles[0]?.person_roleid;
}

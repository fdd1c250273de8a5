import type { DemoRole, DemoUser } from '../accounts/demo-accounts.js';
import { html } from '@scrt/http';
import { htmlPage } from './layout.js';

type OrganisationNames = Readonly<Record<string, string>>;

function describeRole(role: DemoRole, organisations: OrganisationNames): string {
  return `${role.workgroups.join(', ') || 'no workgroup'} at ${organisations[role.org_code]} (${role.org_code})`;
}

export function chooseAccountPage(interactionUid: string, users: readonly DemoUser[], organisations: OrganisationNames): string {
  const accounts = users.map(
    (user) => html`<li>
<button type="submit" name="username" value="${user.username}" aria-describedby="account-${user.username}">${user.name}</button>
<span id="account-${user.username}">${user.username}: ${user.roles.length === 0 ? 'no roles' : user.roles.map((role) => describeRole(role, organisations)).join('; ')}</span>
</li>`,
  );
  return htmlPage(
    'Sign in as',
    html`<p>Choose the demo account to sign in with.</p>
<form method="post" action="/interaction/${interactionUid}/account">
<ul>
${accounts}
</ul>
</form>`,
  );
}

export function chooseRolePage(interactionUid: string, user: DemoUser, organisations: OrganisationNames): string {
  const roles = user.roles.map(
    (role) => html`<div class="radio">
<input type="radio" id="role-${role.person_roleid}" name="roleId" value="${role.person_roleid}" required>
<label for="role-${role.person_roleid}">${describeRole(role, organisations)} (role ${role.person_roleid})</label>
</div>`,
  );
  return htmlPage(
    'Choose a role',
    html`<p>${user.name} holds more than one role. Choose the one to work in for this session.</p>
<form method="post" action="/interaction/${interactionUid}/role">
<input type="hidden" name="username" value="${user.username}">
<fieldset>
<legend>Role</legend>
${roles}
</fieldset>
<button type="submit">Continue</button>
</form>`,
  );
}

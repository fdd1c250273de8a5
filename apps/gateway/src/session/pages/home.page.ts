import type { Principal, ScopeTier } from '@scrt/contracts';
import { html, type SafeHtml } from '@scrt/http';
import { renderPage } from '../../views/layout.js';
import { signOutForm } from './sign-out.page.js';

const SCOPE_LABELS: Record<ScopeTier, string> = { icb: 'ICB', region: 'Region', national: 'National' };

const SCOPE_HINTS: Record<ScopeTier, string> = {
  icb: 'You see the records of your ICB.',
  region: 'You see the records of every ICB in your region.',
  national: 'You see every record.',
};

function summaryRow(key: string, value: SafeHtml | string): SafeHtml {
  return html`<div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">${key}</dt>
        <dd class="nhsuk-summary-list__value">${value}</dd>
      </div>`;
}

function organisation(principal: Principal): SafeHtml {
  return html`${principal.organisationName ?? ''} <strong class="nhsuk-tag nhsuk-tag--grey">${principal.organisationCode}</strong>`;
}

function scope(tier: ScopeTier): SafeHtml {
  return html`${SCOPE_LABELS[tier]}<br><span class="nhsuk-body-s">${SCOPE_HINTS[tier]}</span>`;
}

function permissions(principal: Principal): SafeHtml {
  return html`<ul class="nhsuk-list nhsuk-list--bullet">${principal.permissions.map((permission) => html`<li><code>${permission}</code></li>`)}</ul>`;
}

/** Who the signed-in user is, as the gateway will state it to the services. */
export function signedInPage(principal: Principal, csrfToken: string, cspNonce: string): string {
  const name = principal.name ?? principal.subject;
  return renderPage({
    title: 'Your access',
    cspNonce,
    signedInAs: name,
    content: html`<h1>Your access</h1>
      <dl class="nhsuk-summary-list">
      ${summaryRow('Name', name)}
      ${summaryRow('Organisation', organisation(principal))}
      ${summaryRow('Role', principal.roleName ?? principal.roleId ?? '')}
      ${summaryRow('Scope', scope(principal.tier))}
      ${summaryRow('Permissions', permissions(principal))}
      </dl>
      ${signOutForm(csrfToken)}`,
  });
}

export function signedOutPage(cspNonce: string): string {
  return renderPage({
    title: 'Sign in',
    cspNonce,
    content: html`<h1>Sign in</h1>
      <p>Record safeguarding incidents, track the reviews that follow and share their learning.</p>
      <p>Sign in with your NHS Care Identity Service 2 (CIS2) account and choose the role you are working in.</p>
      <a class="nhsuk-button" href="/auth/login" role="button" draggable="false">Sign in</a>`,
  });
}

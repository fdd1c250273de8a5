import { html } from '@scrt/http';
import { SERVICE_NAME, renderPage } from '../../views/layout.js';

const tryAgain = html`<a class="nhsuk-button" href="/auth/login" role="button" draggable="false">Sign in again</a>`;

/** The identity provider signed the user in, but no role of theirs gives access to the tracker. */
export function noRolePage(reason: string, cspNonce: string): string {
  return renderPage({
    title: 'You have no role for this service',
    cspNonce,
    content: html`<h1>You have no role for this service</h1>
      <p>You signed in, but the role you selected does not give access to the ${SERVICE_NAME}.</p>
      <div class="nhsuk-inset-text">
        <span class="nhsuk-u-visually-hidden">Reason: </span>
        <p>${reason}</p>
      </div>
      <p>If you hold another role that should have access, sign in again and select that role. Otherwise ask your Registration Authority or your organisation's safeguarding lead for access.</p>
      ${tryAgain}`,
  });
}

/** The sign-in round trip could not be completed (expired, replayed or refused). */
export function signInFailedPage(cspNonce: string): string {
  return renderPage({
    title: 'Sign-in could not be completed',
    cspNonce,
    content: html`<h1>Sign-in could not be completed</h1>
      <p>Your sign-in may have taken too long, or it was started in another tab or window. Nothing has been saved.</p>
      ${tryAgain}`,
  });
}

import { html, type SafeHtml } from '@scrt/http';
import { SERVICE_NAME, renderPage } from '../../views/layout.js';
import { CSRF_FIELD } from '../csrf.js';

/** Signing out changes state: a POST carrying the session's CSRF token, never a link. */
export function signOutForm(csrfToken: string, buttonClass = 'nhsuk-button nhsuk-button--secondary'): SafeHtml {
  return html`<form method="post" action="/auth/logout" novalidate>
        <input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
        <button class="${buttonClass}" type="submit" data-module="nhsuk-button">Sign out</button>
      </form>`;
}

/** `GET /auth/logout` signs nobody out: it asks. */
export function confirmSignOutPage(name: string, csrfToken: string, cspNonce: string): string {
  return renderPage({
    title: 'Sign out',
    cspNonce,
    signedInAs: name,
    content: html`<h1>Sign out</h1>
      <p>Sign out of the ${SERVICE_NAME} and of your identity provider?</p>
      ${signOutForm(csrfToken, 'nhsuk-button')}`,
  });
}

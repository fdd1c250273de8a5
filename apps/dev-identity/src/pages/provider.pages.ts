import type { ErrorOut } from 'oidc-provider';
import { html, SafeHtml } from '@scrt/http';
import { htmlPage } from './layout.js';

/** The confirmation oidc-provider asks for before ending a session; `form` is its own hidden form. */
export function signOutPage(form: string): string {
  return htmlPage(
    'Sign out',
    html`<p>Sign out of the SCRT development identity provider?</p>
${new SafeHtml(form)}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>
<button type="submit" form="op.logoutForm">Stay signed in</button>`,
  );
}

export function signedOutPage(): string {
  return htmlPage('Signed out', html`<p>You have signed out. You can close this page.</p>`);
}

export function providerErrorPage(out: ErrorOut): string {
  return htmlPage(
    'Sign-in failed',
    html`<dl>
<dt>Error</dt><dd>${out.error}</dd>
${out.error_description ? html`<dt>Description</dt><dd>${out.error_description}</dd>` : ''}
</dl>`,
  );
}

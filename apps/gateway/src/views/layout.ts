import { html, type SafeHtml } from '@scrt/http';

export const SERVICE_NAME = 'Safeguarding Case Review Tracker';

/** Where the gateway serves nhsuk-frontend's compiled CSS and images. */
export const NHSUK_ASSETS_PREFIX = '/assets/nhsuk/';

export interface PageOptions {
  title: string;
  /** The response's CSP nonce (cspNonceOf): inline scripts run only with it. */
  cspNonce: string;
  content: SafeHtml;
  /** Name of the signed-in user, shown in the header with a sign-out link. */
  signedInAs?: string;
}

const nhsLogo = html`<svg class="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS">
          <title>NHS</title>
          <path fill="currentcolor" d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"/>
        </svg>`;

function accountNavigation(name: string): SafeHtml {
  return html`<nav class="nhsuk-header__account" aria-label="Account">
      <ul class="nhsuk-header__account-list">
        <li class="nhsuk-header__account-item">${name}</li>
        <li class="nhsuk-header__account-item">
          <a class="nhsuk-header__account-link" href="/auth/logout">Sign out</a>
        </li>
      </ul>
    </nav>`;
}

/** A whole NHS design system page (header, width container, main wrapper, footer). */
export function renderPage({ title, cspNonce, content, signedInAs }: PageOptions): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} - ${SERVICE_NAME}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="theme-color" content="#005eb8">
  <link rel="icon" href="${NHSUK_ASSETS_PREFIX}assets/images/favicon.svg" sizes="any" type="image/svg+xml">
  <link rel="stylesheet" href="${NHSUK_ASSETS_PREFIX}nhsuk-frontend.min.css">
</head>
<body>
  <script nonce="${cspNonce}">document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');</script>
  <a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
  <header class="nhsuk-header" role="banner">
    <div class="nhsuk-header__container nhsuk-width-container">
      <div class="nhsuk-header__service">
        <a class="nhsuk-header__service-logo" href="/" aria-label="${SERVICE_NAME} homepage">
        ${nhsLogo}
          <span class="nhsuk-header__service-name">${SERVICE_NAME}</span>
        </a>
      </div>
      ${signedInAs === undefined ? '' : accountNavigation(signedInAs)}
    </div>
  </header>
  <div class="nhsuk-width-container">
    <main class="nhsuk-main-wrapper" id="maincontent" role="main">
      ${content}
    </main>
  </div>
  <footer class="nhsuk-footer" role="contentinfo">
    <div class="nhsuk-width-container">
      <div class="nhsuk-footer__meta">
        <p class="nhsuk-body-s">&copy; NHS England</p>
      </div>
    </div>
  </footer>
  <script type="module" nonce="${cspNonce}">import { initAll } from '${NHSUK_ASSETS_PREFIX}nhsuk-frontend.min.js';
initAll();</script>
</body>
</html>
`.markup;
}

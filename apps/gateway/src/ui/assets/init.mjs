// Loaded as an external module (the CSP allows no inline script without a nonce): the NHS design
// system's components, then our own enhancements. Pages work without it.
// eslint-disable-next-line @nx/enforce-module-boundaries -- a URL the browser loads (served by the gateway), not a file of the repository
import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js';
import { watchSessionTimeout } from './session-timeout.mjs';

initAll();
for (const element of document.querySelectorAll('[data-module="scrt-session-timeout"]')) watchSessionTimeout(element);

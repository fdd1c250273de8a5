/** Where the pages find their CSS and scripts (served by nhsuk-assets.ts). */
export const ASSETS = {
  css: '/assets/scrt/nhsuk-frontend.css',
  nhsukScript: '/assets/nhsuk/nhsuk-frontend.min.js',
  initScript: '/assets/scrt/init.mjs',
} as const;

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';

const LONDON = 'Europe/London';
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true, timeZone: LONDON });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: LONDON });

/** nhsuk-frontend's package root, wherever npm installed it. */
export function nhsukPackageRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('nhsuk-frontend/package.json'));
}

/** Our templates: beside this file's folder, in the source tree and in `dist` alike (the build copies `.njk`). */
export const VIEWS_DIRECTORY = join(import.meta.dirname, '..', 'views');

/** "14 September 2026" for a calendar date (YYYY-MM-DD); anything else as it is. */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value === undefined || value === null ? '' : String(value);
  return dateFormat.format(new Date(`${value}T00:00:00Z`));
}

/** "15 September 2026, 10:24 am" in UK time for an instant. */
export function formatDateTime(value: unknown): string {
  const date = new Date(typeof value === 'number' ? value * 1000 : String(value));
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** "10:45 am" in UK time for epoch seconds. */
export function formatTime(epochSeconds: unknown): string {
  return typeof epochSeconds === 'number' ? timeFormat.format(new Date(epochSeconds * 1000)) : '';
}

/**
 * The one Nunjucks environment of the pages (and of each template spec, never the global one):
 * our views first, then nhsuk-frontend's components, macros and templates, whose own imports
 * are spelt `nhsuk/components/...`. Autoescaped: user text reaches macros through `text:` only.
 */
export function createViewEnvironment(): nunjucks.Environment {
  const packageDist = join(nhsukPackageRoot(), 'dist');
  const searchPaths = [VIEWS_DIRECTORY, join(packageDist, 'nhsuk', 'components'), join(packageDist, 'nhsuk', 'macros'), join(packageDist, 'nhsuk'), packageDist];
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(searchPaths, { noCache: false }), { autoescape: true, throwOnUndefined: false });
  environment.addFilter('ukDate', formatDate);
  environment.addFilter('ukDateTime', formatDateTime);
  environment.addFilter('clockTime', formatTime);
  return environment;
}

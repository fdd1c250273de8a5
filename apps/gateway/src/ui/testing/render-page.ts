import { load, type CheerioAPI } from 'cheerio';
import type { ResumedSession } from '../../session/session.service.js';
import { pageLocals } from '../rendering/page-locals.js';
import { createViewEnvironment } from '../rendering/view-environment.js';

/** Template specs: a fresh Nunjucks environment of their own (never the global one). */
const environment = createViewEnvironment();

export const TEST_NONCE = 'dGVzdC1ub25jZQ==';

export const testSession = (overrides: Partial<ResumedSession> = {}): ResumedSession => ({
  principal: {
    subject: '555000000001',
    kind: 'user',
    name: 'Priya <b>Shah</b>',
    organisationCode: 'QWO',
    organisationName: 'NHS West Yorkshire ICB',
    regionCode: 'Y63',
    tier: 'icb',
    roleId: '555000000101',
    roleName: '"Clinical":"Clinical Provision":"Nurse Access Role"',
    permissions: ['case:create', 'case:read', 'case:update'],
  },
  accessToken: 'access-token',
  accessTokenExpiresAt: 2_000_000_000,
  idToken: 'id-token',
  csrfToken: 'csrf-token-1',
  expiresAt: 1_900_000_000,
  ...overrides,
});

/** Renders a page template as a request at `path` would, with or without a session, and parses it. */
export function renderPage(template: string, viewModel: object, session?: ResumedSession, path = '/'): CheerioAPI {
  return load(environment.render(template, { ...pageLocals(session, path, TEST_NONCE), ...viewModel }));
}

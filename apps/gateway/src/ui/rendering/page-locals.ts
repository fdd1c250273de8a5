import { Permissions, type Permission, type Principal, type ScopeTier } from '@scrt/contracts';
import type { ResumedSession } from '../../session/session.service.js';
import type { Flash } from '../../session/session.service.js';
import { ASSETS } from './asset-paths.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Set by @fastify/view per request; filled by the page-locals hook. */
    locals?: Partial<PageLocals>;
  }
}

export const SERVICE_NAME = 'Safeguarding Case Review Tracker';

/** The JavaScript warning shows this long before the session would end. */
export const SESSION_WARNING_SECONDS = 120;

export interface NavigationItem {
  text: string;
  href: string;
  current?: boolean;
}

interface AccountItem {
  text: string;
  href?: string;
  icon?: boolean;
}

/** What every page template can read (`reply.locals`), set per request, never app-wide. */
export interface PageLocals {
  serviceName: string;
  assets: typeof ASSETS;
  cspNonce: string;
  navigation: NavigationItem[];
  account?: { items: AccountItem[] };
  user?: UserSummary;
  csrfToken?: string;
  flash?: Flash;
  /** `expiresInSeconds` drives the warning: the browser's clock may be minutes off the server's. */
  session?: { expiresAt: number; expiresInSeconds: number; warningSeconds: number };
  footerLinks: NavigationItem[];
}

export interface UserSummary {
  name: string;
  roleName: string;
  organisationName: string;
  organisationCode: string;
  scope: string;
  permissions: Permission[];
  canSwitchRole: boolean;
}

const SCOPE_NAMES: Record<ScopeTier, string> = { icb: 'ICB', region: 'Region', national: 'National' };

/**
 * A CIS2 role name is the job role's path in the national RBAC database, quoted and joined by
 * colons (`"Clinical":"Clinical Provision":"Nurse Access Role"`): people know it by its last part.
 */
export function roleDisplayName(roleName: string | undefined): string {
  if (!roleName) return 'No role name';
  const parts = roleName.split(':').map((part) => part.trim().replace(/^"|"$/g, '').trim()).filter(Boolean);
  return parts.at(-1) ?? roleName;
}

/** Only what the user's permissions allow; the pages behind each link check again. */
const NAVIGATION: { text: string; href: string; permission: Permission }[] = [
  { text: 'Cases', href: '/cases', permission: Permissions.caseRead },
  { text: 'Record a case', href: '/cases/new', permission: Permissions.caseCreate },
  { text: 'My work', href: '/my-work', permission: Permissions.reviewRead },
  { text: 'Reports', href: '/reports', permission: Permissions.reportRead },
];

export const FOOTER_LINKS: NavigationItem[] = [
  { text: 'Accessibility statement', href: '/accessibility' },
  { text: 'Privacy notice', href: '/privacy' },
  { text: 'Contact us', href: '/contact' },
];

export function navigationFor(permissions: readonly Permission[], path: string): NavigationItem[] {
  const current = NAVIGATION.filter((item) => path === item.href || path.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return NAVIGATION.filter((item) => permissions.includes(item.permission)).map(({ text, href }) => ({ text, href, ...(href === current && { current: true }) }));
}

export function userSummary(principal: Principal, roleCount: number): UserSummary {
  return {
    name: principal.name ?? principal.subject,
    roleName: roleDisplayName(principal.roleName),
    organisationName: principal.organisationName ?? principal.organisationCode,
    organisationCode: principal.organisationCode,
    scope: SCOPE_NAMES[principal.tier],
    permissions: principal.permissions,
    canSwitchRole: roleCount > 1,
  };
}

export const secondsUntil = (epochSeconds: number) => Math.max(0, Math.round(epochSeconds - Date.now() / 1000));

/** The locals of a page for a request at `path`, with or without a signed-in session. */
export function pageLocals(session: ResumedSession | undefined, path: string, cspNonce: string): PageLocals {
  const base = { serviceName: SERVICE_NAME, assets: ASSETS, cspNonce, footerLinks: FOOTER_LINKS };
  if (!session) return { ...base, navigation: [] };
  const user = userSummary(session.principal, session.roleClaims?.nhsid_nrbac_roles?.length ?? 1);
  const items: AccountItem[] = [
    { text: `${user.name}, ${user.roleName} (${user.organisationCode})`, icon: true },
    ...(user.canSwitchRole ? [{ text: 'Switch role', href: '/account/role' }] : []),
    { text: 'Sign out', href: '/auth/logout' },
  ];
  return {
    ...base,
    navigation: navigationFor(session.principal.permissions, path),
    account: { items },
    user,
    csrfToken: session.csrfToken,
    flash: session.flash,
    session: { expiresAt: session.expiresAt, expiresInSeconds: secondsUntil(session.expiresAt), warningSeconds: SESSION_WARNING_SECONDS },
  };
}

import { describe, expect, it } from '@jest/globals';
import { errorPageFor } from '../foundation/error-page.js';
import { renderPage, testSession, TEST_NONCE } from '../testing/render-page.js';

describe('layout (every page)', () => {
  const signedIn = renderPage('home.njk', { scopeText: 'ICB: you see the records of your ICB.', tasks: {} }, testSession({ flash: { heading: 'Case 0192F5C4 recorded' } }));
  const signedOut = renderPage('home.njk', {});

  it('is nhsuk-frontend\'s page template: skip link, header, main, footer with our links', () => {
    for (const $ of [signedIn, signedOut]) {
      expect($('a.nhsuk-skip-link').attr('href')).toBe('#maincontent');
      expect($('header.nhsuk-header .nhsuk-header__service-name').text().trim()).toBe('Safeguarding Case Review Tracker');
      expect($('main#maincontent')).toHaveLength(1);
      expect($('footer.nhsuk-footer a').map((_, link) => $(link).attr('href')).get()).toEqual(['/accessibility', '/privacy', '/contact']);
      expect($('link[rel=stylesheet]').attr('href')).toBe('/assets/scrt/nhsuk-frontend.css');
    }
  });

  it('runs its one inline script by nonce and loads nhsuk-frontend\'s JavaScript as an external module', () => {
    const scripts = signedIn('script');
    expect(scripts.filter((_, script) => !signedIn(script).attr('src')).map((_, script) => signedIn(script).attr('nonce')).get()).toEqual([TEST_NONCE]);
    expect(signedIn('script[type=module]').attr('src')).toBe('/assets/scrt/init.mjs');
  });

  it('names the user and their role by its name, never the raw CIS2 string, with every value escaped', () => {
    const account = signedIn('.nhsuk-header__account').text();
    expect(account).toContain('Priya <b>Shah</b>, Nurse Access Role (QWO)');
    expect(signedIn.html()).not.toContain('<b>Shah</b>');
    expect(signedIn.html()).not.toContain('"Clinical"');
    expect(signedIn('.nhsuk-header__account a').map((_, link) => signedIn(link).attr('href')).get()).toEqual(['/auth/logout']);
  });

  it('shows the flash message in a success notification banner', () => {
    expect(signedIn('.nhsuk-notification-banner--success').text()).toContain('Case 0192F5C4 recorded');
    expect(signedOut('.nhsuk-notification-banner')).toHaveLength(0);
  });

  it('says when the session ends, and carries the hidden warning with its CSRF-protected form', () => {
    expect(signedIn('[data-session-notice]').text()).toMatch(/signed out at\s+\d{1,2}:\d{2}\s?[ap]m/);
    expect(signedIn('[data-module="scrt-session-timeout"]').attr('data-expires-at')).toBe('1900000000');
    expect(signedIn('[data-session-warning]').attr('hidden')).toBeDefined();
    expect(signedIn('[data-session-extend] input[name=_csrf]').val()).toBe('csrf-token-1');
    expect(signedOut('[data-session-notice]')).toHaveLength(0);
  });

  it('offers role switching only to a user who holds several roles', () => {
    const roles = [{ person_roleid: 'r1', org_code: 'QWO' }, { person_roleid: 'r2', org_code: 'QMJ' }];
    const $ = renderPage('home.njk', { tasks: {} }, testSession({ roleClaims: { nhsid_nrbac_roles: roles } }));
    expect($('.nhsuk-header__account a').map((_, link) => $(link).attr('href')).get()).toEqual(['/account/role', '/auth/logout']);
  });
});

describe('navigation', () => {
  it('shows only what the permissions allow, the current section marked', () => {
    const dataInput = renderPage('home.njk', { tasks: {} }, testSession(), '/cases/new');
    expect(dataInput('.nhsuk-header__navigation-list a').map((_, link) => dataInput(link).text().trim()).get()).toEqual(['Cases', 'Record a case']);
    expect(dataInput('.nhsuk-header__navigation-list [aria-current=page]').text().trim()).toBe('Record a case');
    const oversight = renderPage('home.njk', { tasks: {} }, testSession({ principal: { ...testSession().principal, tier: 'region', permissions: ['case:read', 'report:read'] } }));
    expect(oversight('.nhsuk-header__navigation-list a').map((_, link) => oversight(link).text().trim()).get()).toEqual(['Cases', 'Reports']);
    const admin = renderPage('home.njk', { tasks: {} }, testSession({ principal: { ...testSession().principal, permissions: ['reference-data:manage'] } }));
    expect(admin('.nhsuk-header__navigation')).toHaveLength(0);
  });
});

describe('pages', () => {
  it('home: a sign-in button when signed out, the access summary when signed in', () => {
    const signedOut = renderPage('home.njk', {});
    expect(signedOut('head > title').text()).toBe('Sign in - Safeguarding Case Review Tracker');
    expect(signedOut('a.nhsuk-button[href="/auth/login"]').text().trim()).toBe('Sign in');
    const $ = renderPage('home.njk', { scopeText: 'ICB: you see the records of your ICB.', tasks: {} }, testSession());
    expect($('head > title').text()).toBe('Your access - Safeguarding Case Review Tracker');
    const rows = Object.fromEntries($('.nhsuk-summary-list__row').map((_, row) => [[$(row).find('dt').text().trim(), $(row).find('dd').first().text().trim()]]).get());
    expect(rows).toMatchObject({ Role: 'Nurse Access Role', Organisation: 'NHS West Yorkshire ICB (QWO)', Scope: 'ICB: you see the records of your ICB.' });
  });

  it('sign-out confirmation posts the session CSRF token', () => {
    const $ = renderPage('auth/sign-out.njk', {}, testSession());
    expect($('main form[action="/auth/logout"][method=post] input[name=_csrf]').val()).toBe('csrf-token-1');
  });

  it('no-role page: the reason escaped, and the way to sign in again it is given', () => {
    const $ = renderPage('auth/no-role.njk', { reason: 'Your role <i>X</i> gives no access.', signInAgainHref: '/auth/login?switch=1' });
    expect($('.nhsuk-inset-text').text()).toContain('Your role <i>X</i> gives no access.');
    expect($('a.nhsuk-button').attr('href')).toBe('/auth/login?switch=1');
  });

  it.each([
    [{ status: 404, code: 'NOT_FOUND' }, 'Page not found', '/'],
    [{ status: 403, code: 'FORBIDDEN' }, 'You do not have access to this page', '/'],
    [{ status: 403, code: 'CSRF_CHECK_FAILED' }, 'Your form could not be sent', '/'],
    [{ status: 401, code: 'SESSION_EXPIRED' }, 'You have been signed out', '/auth/login'],
    [{ status: 500, code: 'INTERNAL_ERROR', requestId: 'req-1' }, 'Sorry, there is a problem with the service', '/'],
  ])('error page for %j: an NHS page with a way on', (problem, title, way) => {
    const $ = renderPage('error.njk', { page: errorPageFor({ type: 't', title: 'x', ...problem }) });
    expect($('h1').text().trim()).toBe(title);
    expect($('head > title').text()).toBe(`${title} - Safeguarding Case Review Tracker`);
    expect($(`main a[href="${way}"]`)).toHaveLength(1);
  });

  it('footer pages say what they must', () => {
    expect(renderPage('help/accessibility.njk', {})('h1').text()).toBe('Accessibility statement');
    expect(renderPage('help/privacy.njk', { idleMinutes: 30, lifetimeHours: 8 })('main').text()).toContain('after 30 minutes without use, or 8 hours after you signed in');
    expect(renderPage('help/contact.njk', {})('h1').text()).toBe('Contact us');
  });
});

import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@scrt/contracts';
import { signedInPage, signedOutPage } from './home.page.js';
import { confirmSignOutPage } from './sign-out.page.js';
import { noRolePage, signInFailedPage } from './sign-in-problem.page.js';

const NONCE = 'bm9uY2UtZm9yLXRlc3Rz';

const principal: Principal = {
  subject: '555000000003',
  kind: 'user',
  name: 'Sam <b>Okafor</b>',
  organisationCode: 'QMJ',
  organisationName: 'NHS North Central London ICB',
  regionCode: 'Y56',
  tier: 'icb',
  roleId: '555000000302',
  roleName: '"Clinical":"Clinical Provision":"Nurse Access Role"',
  permissions: ['case:create', 'case:read'],
};

describe('home page', () => {
  it('states who the user is, with every value escaped', () => {
    const page = signedInPage(principal, 'csrf-token-1', NONCE);
    expect(page).toContain('Sam &lt;b&gt;Okafor&lt;/b&gt;');
    expect(page).not.toContain('<b>Okafor</b>');
    expect(page).toContain('NHS North Central London ICB');
    expect(page).toContain('>QMJ<');
    expect(page).toContain('&quot;Clinical&quot;:&quot;Clinical Provision&quot;:&quot;Nurse Access Role&quot;');
    expect(page).toMatch(/<dd class="nhsuk-summary-list__value">ICB<br>/);
    expect(page).toContain('<code>case:create</code>');
  });

  it('signs out with a POST form carrying the CSRF token of the session, not a link', () => {
    const page = signedInPage(principal, 'csrf-token-1', NONCE);
    expect(page).toMatch(/<form method="post" action="\/auth\/logout"[^>]*>\s*<input type="hidden" name="csrfToken" value="csrf-token-1">\s*<button[^>]*type="submit"[^>]*>Sign out<\/button>/);
    expect(page).not.toMatch(/<main[\s\S]*href="\/auth\/logout"[\s\S]*<\/main>/);
  });

  it('names the scope tier of regional and national users', () => {
    expect(signedInPage({ ...principal, tier: 'region' }, 'csrf-token-1', NONCE)).toMatch(/summary-list__value">Region<br>/);
    expect(signedInPage({ ...principal, tier: 'national' }, 'csrf-token-1', NONCE)).toMatch(/summary-list__value">National<br>/);
  });

  it('offers a sign-in button when nobody is signed in', () => {
    const page = signedOutPage(NONCE);
    expect(page).toMatch(/<a class="nhsuk-button" href="\/auth\/login" role="button"[^>]*>Sign in<\/a>/);
    expect(page).not.toContain('/auth/logout');
  });

  it('uses the NHS design system page structure', () => {
    for (const page of [signedInPage(principal, 'csrf-token-1', NONCE), signedOutPage(NONCE), noRolePage('x', NONCE), signInFailedPage(NONCE)]) {
      expect(page).toMatch(/^<!DOCTYPE html>/);
      for (const marker of ['nhsuk-header', 'nhsuk-width-container', 'nhsuk-main-wrapper', '/assets/nhsuk/nhsuk-frontend.min.css']) {
        expect(page).toContain(marker);
      }
    }
  });
});

describe('inline scripts', () => {
  it('carry the response nonce, every one of them', () => {
    for (const page of [signedInPage(principal, 'csrf-token-1', NONCE), signedOutPage(NONCE), noRolePage('x', NONCE), signInFailedPage(NONCE)]) {
      const scripts = page.match(/<script[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${NONCE}"`);
    }
  });
});

describe('sign-out confirmation page', () => {
  it('asks, with the POST form, instead of signing out', () => {
    const page = confirmSignOutPage('Sam <b>Okafor</b>', 'csrf-token-2', NONCE);
    expect(page).toContain('<input type="hidden" name="csrfToken" value="csrf-token-2">');
    expect(page).toContain('Sam &lt;b&gt;Okafor&lt;/b&gt;');
  });
});

describe('sign-in problem pages', () => {
  it('explains a refusal with the escaped reason and a way to try again', () => {
    const page = noRolePage('Your role <i>X</i> gives no access.', NONCE);
    expect(page).toContain('You have no role for this service');
    expect(page).toContain('Your role &lt;i&gt;X&lt;/i&gt; gives no access.');
    expect(page).toContain('href="/auth/login"');
  });
});

import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@scrt/contracts';
import { signedInPage, signedOutPage } from './home.page.js';
import { noRolePage, signInFailedPage } from './sign-in-problem.page.js';

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
    const page = signedInPage(principal);
    expect(page).toContain('Sam &lt;b&gt;Okafor&lt;/b&gt;');
    expect(page).not.toContain('<b>Okafor</b>');
    expect(page).toContain('NHS North Central London ICB');
    expect(page).toContain('>QMJ<');
    expect(page).toContain('&quot;Clinical&quot;:&quot;Clinical Provision&quot;:&quot;Nurse Access Role&quot;');
    expect(page).toMatch(/<dd class="nhsuk-summary-list__value">ICB<br>/);
    expect(page).toContain('<code>case:create</code>');
    expect(page).toContain('href="/auth/logout"');
  });

  it('names the scope tier of regional and national users', () => {
    expect(signedInPage({ ...principal, tier: 'region' })).toMatch(/summary-list__value">Region<br>/);
    expect(signedInPage({ ...principal, tier: 'national' })).toMatch(/summary-list__value">National<br>/);
  });

  it('offers a sign-in button when nobody is signed in', () => {
    const page = signedOutPage();
    expect(page).toMatch(/<a class="nhsuk-button" href="\/auth\/login" role="button"[^>]*>Sign in<\/a>/);
    expect(page).not.toContain('/auth/logout');
  });

  it('uses the NHS design system page structure', () => {
    for (const page of [signedInPage(principal), signedOutPage(), noRolePage('x'), signInFailedPage()]) {
      expect(page).toMatch(/^<!DOCTYPE html>/);
      for (const marker of ['nhsuk-header', 'nhsuk-width-container', 'nhsuk-main-wrapper', '/assets/nhsuk/nhsuk-frontend.min.css']) {
        expect(page).toContain(marker);
      }
    }
  });
});

describe('sign-in problem pages', () => {
  it('explains a refusal with the escaped reason and a way to try again', () => {
    const page = noRolePage('Your role <i>X</i> gives no access.');
    expect(page).toContain('You have no role for this service');
    expect(page).toContain('Your role &lt;i&gt;X&lt;/i&gt; gives no access.');
    expect(page).toContain('href="/auth/login"');
  });
});

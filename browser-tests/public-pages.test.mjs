// The pages anyone can open before signing in, with and without JavaScript, each through every
// page check (weight, slow 3G, reflow, keyboard, axe, screenshots).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSharedBrowser, person, sharedBrowser } from './lib/browser.mjs';
import { PageChecks, tab } from './lib/checks.mjs';
import { baseUrl } from './lib/env.mjs';

const PAGES = [
  { path: '/', heading: 'Find work and training in North West England', name: 'start' },
  { path: '/create-account', heading: null, name: 'create account' },
  { path: '/sign-in', heading: null, name: 'sign in' },
  { path: '/accessibility', heading: null, name: 'accessibility' },
  { path: '/privacy', heading: null, name: 'privacy' },
  { path: '/account-deleted', heading: 'Your account has been deleted', name: 'account deleted' },
  { path: '/no-such-page', heading: 'Page not found', name: 'not found', status: 404 },
];

after(closeSharedBrowser);

for (const javaScript of [true, false]) {
  describe(`public pages with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    // Made by the first test (see sharedBrowser): without a browser each test fails, saying why.
    let browsers;
    const open = () => {
      browsers ??= sharedBrowser().then(async (browser) => {
        const analysis = await person(browser, { javaScript: true });
        return {
          context: await person(browser, { javaScript }),
          analysis,
          checks: new PageChecks(`public-js-${javaScript ? 'on' : 'off'}`, analysis),
        };
      });
      return browsers;
    };
    after(async () => {
      const opened = await browsers?.catch(() => null);
      opened?.checks.report();
      await opened?.context.close();
      await opened?.analysis.close();
    });

    for (const { path, heading, name, status = 200 } of PAGES) {
      test(`${name} (${path}) keeps the page rules`, async (t) => {
        const { context, checks } = await open();
        const page = await tab(context);
        try {
          const response = await page.goto(`${baseUrl}${path}`);
          assert.equal(response.status(), status);
          if (heading) assert.equal((await page.locator('h1').innerText()).trim(), heading);
          await checks.check(t, page, name, { status });
        } finally {
          await page.close();
        }
      });
    }

    test('the start page leads to creating an account and to signing in', async () => {
      const { context } = await open();
      const page = await tab(context);
      try {
        await page.goto(`${baseUrl}/`);
        // "Create an account" is GOV.UK's start button: a link that looks like a button
        assert.equal(await page.locator('main a', { hasText: 'Create an account' }).getAttribute('href'), '/create-account');
        assert.equal(await page.locator('main a', { hasText: 'Sign in' }).getAttribute('href'), '/sign-in');
      } finally {
        await page.close();
      }
    });
  });
}

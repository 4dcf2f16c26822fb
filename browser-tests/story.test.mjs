// A student's whole story in a real browser, once with JavaScript and once without: create an
// account, add skills, say what work they want, get matched with a role an employer posts, hear of
// it, download their data, delete their account. Every page on the way passes the page checks.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { closeSharedBrowser, person, sharedBrowser } from './lib/browser.mjs';
import { PageChecks, streamOpen, tab } from './lib/checks.mjs';
import { baseUrl } from './lib/env.mjs';
import { postVacancy } from './lib/platform.mjs';

const MATCH_WITHIN_MS = 30_000;
const PASSWORD = 'three random words in a row';

after(closeSharedBrowser);

/** The skill the suggestions give first for `q`, as the employer's API names skills. */
async function skillId(q, label) {
  const found = await (await fetch(`${baseUrl}/skills/suggest?q=${encodeURIComponent(q)}`)).json();
  const skill = found.find((s) => s.label === label);
  assert.ok(skill, `no "${label}" among the suggestions for "${q}": ${JSON.stringify(found)}`);
  return skill.id;
}

async function heading(page) {
  return (await page.locator('h1').innerText()).trim();
}

/** Reloads until `locator` shows, as a person waiting for a match would. */
async function reloadUntil(page, locator, what) {
  const deadline = Date.now() + MATCH_WITHIN_MS;
  while (!(await locator.count())) {
    assert.ok(Date.now() < deadline, `${what} did not appear within ${MATCH_WITHIN_MS / 1000} s`);
    await page.waitForTimeout(1000); // a person reading the page before reloading it
    await page.reload();
  }
}

for (const javaScript of [true, false]) {
  test(`a student finds a role and leaves, with JavaScript ${javaScript ? 'on' : 'off'}`, async (t) => {
    const mode = javaScript ? 'js-on' : 'js-off';
    const email = `student-${mode}-${randomUUID()}@example.org`;
    const browser = await sharedBrowser();
    const context = await person(browser, { javaScript });
    const analysis = await person(browser, { javaScript: true });
    const checks = new PageChecks(`story-${mode}`, analysis, { collect: true });
    const page = await tab(context);
    const check = (name, options) => checks.check(t, page, name, options);
    try {
      // Given an employer's skills, named as the suggestions name them
      const python = await skillId('pyth', 'Python (computer programming)');
      const spreadsheets = await skillId('spreadsheet', 'use spreadsheets software');
      const sql = await skillId('sql', 'SQL');
      const javascriptSkill = await skillId('javascrpt', 'JavaScript');

      // When the student creates an account
      await page.goto(`${baseUrl}/`);
      await check('start');
      await page.locator('a', { hasText: 'Create an account' }).click();
      await check('create account');
      await page.locator('#pathway').check(); // STUDENT, the first choice
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.match(page.url(), /\/create-account\/details\?pathway=STUDENT$/);
      await check('account details');
      await page.fill('#email', email);
      await page.fill('#password', 'too short');
      await page.fill('#outcode', 'M1');
      await page.locator('input[name="stage"][value="UNDERGRADUATE"]').check();
      await page.fill('#course', 'BSc Computer Science');
      await page.fill('#institution', 'University of Manchester');
      await page.locator('#consentToMatch').check();
      await page.getByRole('button', { name: 'Create account' }).click();
      // a short password is refused, with the error summary pointing at the field
      await check('account details with an error');
      assert.equal(await page.locator('.govuk-error-summary a[href="#password"]').count(), 1);
      assert.equal(await page.locator('#password-error').count(), 1);
      await page.fill('#password', PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(`${baseUrl}/profile/skills`);
      const session = (await context.cookies()).find((c) => c.name === 'skillway_session');
      assert.ok(session?.httpOnly, 'a signed-in person holds the HttpOnly skillway_session cookie');
      await check('your skills, none yet');
      assert.equal(await heading(page), 'Your skills');

      // and adds skills: with JavaScript through the suggestions, without through "did you mean"
      const addSkill = async (typed, label, level, name) => {
        const field = page.locator('input#skill');
        if (javaScript) {
          await field.pressSequentially(typed, { delay: 40 });
          const option = page.getByRole('option', { name: label, exact: true });
          await option.waitFor();
          assert.equal(await field.getAttribute('aria-expanded'), 'true');
          if (name === 'python') await checks.snap(page, 'skill suggestions');
          // down the list with the arrow keys to the skill, then Enter
          const labels = await page.getByRole('option').allInnerTexts();
          for (let i = 0; i <= labels.indexOf(label); i++) await field.press('ArrowDown');
          assert.equal(
            await field.getAttribute('aria-activedescendant'),
            await option.getAttribute('id'),
          );
          await field.press('Enter');
          assert.equal(await field.inputValue(), label);
          assert.equal(await field.getAttribute('aria-expanded'), 'false');
        } else {
          await field.fill(typed);
        }
        await page.locator(`input[name="level"][value="${level}"]`).check();
        await page.getByRole('button', { name: 'Add skill' }).click();
        await page.waitForLoadState('load');
        if (await page.locator('input[name="skill"][type="radio"]').count()) {
          await check(`did you mean ${name}`);
          await page.getByLabel(label, { exact: true }).check();
          if (!(await page.locator('input[name="level"]:checked').count())) {
            await page.locator(`input[name="level"][value="${level}"]`).check();
          }
          await page.getByRole('button', { name: 'Add skill' }).click();
        } else {
          // only a skill chosen from the suggestions, or named exactly, is added at once
          assert.ok(
            javaScript || typed.toLowerCase() === label.toLowerCase(),
            `"${typed}" was added without "did you mean", or adding it failed`,
          );
        }
        await page.waitForURL(/\/profile\/skills/);
        await page.waitForLoadState('load');
        assert.equal(
          await page.locator('.govuk-summary-list__key', { hasText: label }).count(),
          1,
          `${label} is listed among the skills`,
        );
      };
      await addSkill('pyth', 'Python (computer programming)', 3, 'python');
      await check('your skills, one');
      // "spreadsheet" is no skill's name: with JavaScript too it goes through "did you mean"
      if (javaScript) {
        await page.locator('input#skill').fill('spreadsheet');
        await page.locator('input#skill').press('Escape');
        await page.locator('input[name="level"][value="3"]').check();
        await page.getByRole('button', { name: 'Add skill' }).click();
        await check('did you mean spreadsheets');
        await page.getByLabel('use spreadsheets software', { exact: true }).check();
        await page.getByRole('button', { name: 'Add skill' }).click();
        await page.waitForURL(/\/profile\/skills/);
        await page.waitForLoadState('load');
      } else {
        await addSkill('spreadsheet', 'use spreadsheets software', 3, 'spreadsheets');
      }
      await addSkill('sql', 'SQL', 3, 'sql');
      await check('your skills, three');
      assert.equal(await page.locator('.govuk-summary-list__row').count(), 3);

      // and says what work they want
      await page.goto(`${baseUrl}/profile/about`);
      await check('about you');
      await page.fill('#outcode', 'M1');
      await page.fill('#maxCommuteKm', '20');
      await page.locator('input[name="workMode"][value="HYBRID"]').check();
      await page.fill('#availableFrom-day', '1');
      await page.fill('#availableFrom-month', '9');
      await page.fill('#availableFrom-year', String(new Date().getFullYear() + 1));
      await page.locator('input[name="desiredSectors"][value="digital"]').check();
      await page.locator('input[name="needsDevice"][value="true"]').check();
      await page.locator('input[name="consentToMatch"][value="true"]').check();
      await page.locator('input[name="consentToContact"][value="true"]').check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(`${baseUrl}/profile`);
      await check('your profile');
      assert.equal(await heading(page), 'Your profile');
      for (const path of ['/profile/skills', '/profile/about', '/profile/notifications']) {
        assert.ok(await page.locator(`a[href="${path}"]`, { hasText: 'Change' }).count(), `a Change link to ${path}`);
      }

      // and asks to hear of every match at once, in the app
      await page.goto(`${baseUrl}/profile/notifications`);
      await check('how we tell you');
      await page.locator('input[name="channels"][value="IN_APP"]').check();
      await page.locator('input[name="frequency"][value="INSTANT"]').check();
      await page.fill('#minimumScore', '');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForLoadState('load');

      // and signs out and in again
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${baseUrl}/`);
      await page.goto(`${baseUrl}/sign-in`);
      await check('sign in');
      await page.fill('#email', email);
      await page.fill('#password', PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${baseUrl}/matches`);
      await check('your matches, none yet');
      assert.equal(await heading(page), 'Your matches');

      // When an employer posts a role that needs three of their skills and one more
      const title = `Junior data developer ${mode} ${randomUUID().slice(0, 8)}`;
      const vacancyId = await postVacancy({
        title,
        requiredSkills: [
          { skillId: python, level: 2 },
          { skillId: spreadsheets, level: 2 },
          { skillId: sql, level: 2 },
          { skillId: javascriptSkill, level: 1 },
        ],
      });

      // Then the match appears, with its reasons and the gap to close
      const card = page.locator('article.match', { has: page.locator(`a[href="/matches/${vacancyId}"]`) });
      await reloadUntil(page, card, `the match with "${title}"`);
      await check('your matches');
      assert.equal((await card.getByRole('link', { name: title }).count()), 1);
      assert.match(await card.innerText(), /Score: \d+ out of 100/);
      assert.ok((await card.locator('h3', { hasText: 'Why this match' }).count()) === 1);
      assert.ok((await card.locator('li').count()) >= 1, 'a reason for each part of the score');
      assert.match(await card.innerText(), /Close the gap[\s\S]*JavaScript/);
      await card.getByRole('link', { name: title }).click();
      await page.waitForURL(`${baseUrl}/matches/${vacancyId}`);
      await check('the role');
      assert.equal(await heading(page), title);
      const role = await page.locator('main').innerText();
      for (const offer of ['Laptop or device provided', 'Flexible hours', 'Disability Confident employer']) {
        assert.ok(role.includes(offer), `the role shows "${offer}"`);
      }

      // and they hear of it on the notifications page
      await page.goto(`${baseUrl}/notifications`);
      const notice = page.locator('ul.notifications > li', { hasText: title });
      await reloadUntil(page, notice, `the notification of "${title}"`);
      await check('notifications');
      assert.equal(await heading(page), 'Notifications');

      if (javaScript) {
        // and with JavaScript, a newer match arrives while the page is open, without a reload
        await page.goto(`${baseUrl}/notifications`);
        await streamOpen(page);
        const navigations = [];
        page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
        const second = `Data analyst ${randomUUID().slice(0, 8)}`;
        await postVacancy({
          title: second,
          requiredSkills: [
            { skillId: python, level: 1 },
            { skillId: sql, level: 1 },
            { skillId: spreadsheets, level: 1 },
          ],
        });
        const live = page.locator('[data-live-notifications] li.unread', { hasText: second });
        await live.waitFor({ timeout: MATCH_WITHIN_MS });
        assert.deepEqual(navigations, [], 'the page was not reloaded');
        assert.equal(
          await page.locator('[data-live-notifications] > li').first().innerText().then((s) => s.includes(second)),
          true,
          'the newest notification comes first',
        );
        const status = page.locator('[aria-live="polite"]', { hasText: 'New notification:' });
        assert.match(await status.textContent(), new RegExp(`New notification: .*${second}`));
        await checks.snap(page, 'a live notification');
      }

      // When they download their data, it holds their account and profile
      await page.goto(`${baseUrl}/your-data`);
      await check('your data');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download your data' }).click(),
      ]);
      const exported = await readFile(await download.path(), 'utf8');
      const data = JSON.parse(exported);
      assert.ok(exported.includes(email), 'the export holds the e-mail address');
      for (const held of ['BSc Computer Science', python, sql, vacancyId]) {
        assert.ok(exported.includes(held), `the export holds ${held}`);
      }
      assert.ok(data && typeof data === 'object');
      assert.equal(exported.includes('passwordHash'), false);

      // and delete their account, they are signed out and cannot sign in again
      await page.goto(`${baseUrl}/your-data`);
      await page.locator('a', { hasText: 'Delete your account' }).click();
      await page.waitForURL(`${baseUrl}/your-data/delete`);
      await check('delete your account');
      assert.equal(await heading(page), 'Are you sure you want to delete your account?');
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await page.waitForURL(`${baseUrl}/account-deleted`);
      await check('account deleted');
      assert.equal(await heading(page), 'Your account has been deleted');
      assert.equal(
        (await context.cookies()).some((c) => c.name === 'skillway_session' && c.value),
        false,
        'the session cookie is gone',
      );
      await page.goto(`${baseUrl}/profile`);
      assert.equal(new URL(page.url()).pathname, '/sign-in', 'a signed-out person is sent to sign in');
      await page.fill('#email', email);
      await page.fill('#password', PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState('load');
      await check('sign in refused');
      assert.match(
        await page.locator('.govuk-error-summary').innerText(),
        /The e-mail address or the password is wrong\./,
      );
      checks.assertAllKept();
    } finally {
      checks.report();
      await context.close();
      await analysis.close();
    }
  });
}

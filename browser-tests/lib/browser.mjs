// Debian's Chromium driven by playwright-core (which downloads no browser), headless.
import { chromium } from 'playwright-core';
import { chromiumPath, requireBrowserAndApp } from './env.mjs';

export async function launch() {
  await requireBrowserAndApp();
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      // Chromium's own calls home would count against "no request to any other origin".
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  });
}

/**
 * A fresh person's browser. With `javaScript: false` every page must work as plain HTML forms.
 * Downloads are accepted (the data export).
 */
export async function person(browser, { javaScript }) {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  context.skillwayJavaScript = javaScript;
  return context;
}

let shared;
/**
 * One browser for a test file, launched by the first test that asks: without Chromium every test
 * fails with the reason (a failing `before` hook would only cancel them).
 */
export function sharedBrowser() {
  shared ??= launch();
  return shared;
}

export async function closeSharedBrowser() {
  const browser = await shared?.catch(() => null);
  await browser?.close();
}

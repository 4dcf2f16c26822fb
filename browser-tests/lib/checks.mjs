// What every page must be, checked on every page a test visits, as the person saw it:
// - the contract's frame: "<h1> - Skillway" title ("Error: " first when the form has errors), one h1,
//   a skip link to #main-content, the footer's links, the stylesheet;
// - keyboard: the first Tab lands on the skip link and its focus is visible (or, on a form with
//   errors, the error summary already has focus);
// - weight: at most 60 KB transferred (compressed HTML, CSS, JS, images) with an empty cache, only
//   from the app's own origin, no web fonts, no failed request;
// - speed: on slow 3G (400 kbit/s both ways, 400 ms latency) the load event within 3 s;
// - reflow: no horizontal scrolling 320 px wide (WCAG 1.4.10);
// - axe-core, WCAG 2.2 A and AA rules: no serious or critical violation;
// - screenshots at 360x740 and 1280x800 into screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { origin } from './env.mjs';

export const BUDGET_BYTES = 60 * 1024;
export const SLOW_3G_LOAD_MS = 3000;
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const here = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
export const screenshotDir = here('screenshots');
const reportDir = here('reports');

/**
 * Watches one tab: every request of the current page load, with the cache off and slow 3G on,
 * so that each page is measured as a first visit on a poor phone connection would see it.
 */
export async function watch(page) {
  const cdp = await page.context().newCDPSession(page);
  const load = { requests: new Map() };
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document' && !e.redirectResponse) load.requests = new Map();
    const previous = load.requests.get(e.requestId);
    load.requests.set(e.requestId, {
      url: e.request.url,
      method: e.request.method,
      type: e.type,
      redirectBytes: (previous?.redirectBytes ?? 0) + (e.redirectResponse?.encodedDataLength ?? 0),
      bytes: null,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const request = load.requests.get(e.requestId);
    if (!request) return;
    request.status = e.response.status;
    request.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'];
  });
  cdp.on('Network.loadingFinished', (e) => {
    const request = load.requests.get(e.requestId);
    if (request) request.bytes = e.encodedDataLength + request.redirectBytes;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const request = load.requests.get(e.requestId);
    if (request) request.failed = e.errorText;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  page.skillwayLoad = load;
  return page;
}

/** Waits until the page's Server-Sent Events stream has answered (so nothing sent is missed). */
export async function streamOpen(page, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  const open = () =>
    [...page.skillwayLoad.requests.values()].some((r) => r.type === 'EventSource' && r.status === 200);
  while (!open()) {
    assert.ok(Date.now() < deadline, `the page's live stream did not open within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A new watched tab in the person's browser. */
export async function tab(context) {
  return watch(await context.newPage());
}

/** Runs every check on the page as it is now; `name` names it in reports and screenshots. */
export class PageChecks {
  /**
   * @param collect keep going after a page breaks a rule (a story), and fail at the end with every
   *     breach listed (assertAllKept); otherwise each check fails at once
   */
  constructor(story, analysisContext, { collect = false } = {}) {
    this.story = story;
    this.analysisContext = analysisContext; // JavaScript on: axe runs there for pages seen without
    this.collect = collect;
    this.breaches = [];
    this.results = [];
    this.count = 0;
    mkdirSync(screenshotDir, { recursive: true });
    for (const old of readdirSync(screenshotDir).filter((f) => f.startsWith(`${story}-`))) {
      rmSync(`${screenshotDir}/${old}`);
    }
  }

  async check(t, page, name, { status = 200 } = {}) {
    await page.waitForLoadState('load');
    const javaScript = page.context().skillwayJavaScript;
    const where = `${name} (${page.url()}, JavaScript ${javaScript ? 'on' : 'off'})`;
    const problems = [];
    const frame = await contractFrame(page);
    problems.push(...frame.problems);
    problems.push(...(await keyboard(page, frame)));
    const weight = await this.weigh(page, status, problems);
    problems.push(...(await reflow(page)));
    const axe = javaScript ? await runAxe(page) : await this.axeOnCopy(page);
    for (const v of axe) {
      const line = `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`;
      if (v.impact === 'serious' || v.impact === 'critical') problems.push(line);
      else t.diagnostic(`${name}: ${line}`);
    }
    this.count += 1;
    const file = `${this.story}-${String(this.count).padStart(2, '0')}-${slug(name)}`;
    await screenshots(page, file);
    this.results.push({ story: this.story, name, url: page.url(), javaScript, ...weight, axeFindings: axe.length });
    t.diagnostic(
      `${name}: ${(weight.bytes / 1024).toFixed(1)} KB in ${weight.requests} requests ` +
        `(${weight.compressed}), load ${weight.loadMs} ms on slow 3G`,
    );
    if (this.collect) {
      for (const problem of problems) {
        this.breaches.push(`${where}: ${problem}`);
        t.diagnostic(`BREACH ${name}: ${problem}`);
      }
    } else {
      assert.deepEqual(problems, [], `${where} breaks the page rules:\n  ${problems.join('\n  ')}`);
    }
  }

  /** Screenshots of a moment inside a page (an open list, a live update), without the checks. */
  async snap(page, name) {
    this.count += 1;
    await screenshots(page, `${this.story}-${String(this.count).padStart(2, '0')}-${slug(name)}`);
  }

  assertAllKept() {
    assert.deepEqual(
      this.breaches,
      [],
      `${this.breaches.length} page rules broken on the way:\n  ${this.breaches.join('\n  ')}`,
    );
  }

  async weigh(page, status, problems) {
    const load = page.skillwayLoad;
    // Streams (live notifications) and the script's own fetches after load are not the page load.
    const counted = () =>
      [...load.requests.values()].filter((r) => r.type !== 'EventSource' && r.type !== 'Fetch');
    const deadline = Date.now() + 5000;
    while (counted().some((r) => r.bytes === null && !r.failed) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const requests = counted();
    const bytes = requests.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
    const loadMs = Math.round(
      await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? -1),
    );
    const document = requests.find((r) => r.type === 'Document');
    if (!document) problems.push('no page load was seen');
    else if (document.status !== status) problems.push(`answered ${document.status}, not ${status}`);
    if (bytes > BUDGET_BYTES) {
      const list = requests.map((r) => `${r.url} ${r.bytes} B ${r.encoding ?? 'uncompressed'}`);
      problems.push(`${bytes} bytes transferred, over the ${BUDGET_BYTES} budget: ${list.join('; ')}`);
    }
    for (const r of requests) {
      if (r.url.startsWith('data:')) continue;
      if (new URL(r.url).origin !== origin) problems.push(`asks another origin: ${r.url}`);
      if (r.type === 'Font') problems.push(`downloads a web font: ${r.url}`);
      if (r.failed) problems.push(`${r.url} failed: ${r.failed}`);
      if (r !== document && r.status >= 400) problems.push(`${r.url} answered ${r.status}`);
    }
    if (loadMs < 0 || loadMs > SLOW_3G_LOAD_MS) {
      problems.push(`load event after ${loadMs} ms on slow 3G, over ${SLOW_3G_LOAD_MS} ms`);
    }
    const compressed = requests
      .filter((r) => r.type === 'Document' || r.type === 'Stylesheet' || r.type === 'Script')
      .map((r) => `${r.type.toLowerCase()} ${r.encoding ?? 'uncompressed'}`)
      .join(', ');
    return { bytes, requests: requests.length, loadMs, compressed };
  }

  /** axe needs JavaScript: a page seen without it is checked as a copy in a tab with JavaScript. */
  async axeOnCopy(page) {
    const html = await page.content();
    const url = page.url();
    const copy = await this.analysisContext.newPage();
    try {
      await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
      await copy.route('**/assets/skillway.js', (route) => route.abort());
      await copy.goto(url);
      return await runAxe(copy);
    } finally {
      await copy.close();
    }
  }

  /** Page weights of this story, as JSON in reports/ (each check also prints its line). */
  report() {
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(`${reportDir}/${this.story}.json`, JSON.stringify(this.results, null, 2));
  }
}

async function contractFrame(page) {
  return page.evaluate(() => {
    const problems = [];
    const h1s = [...document.querySelectorAll('h1')];
    if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements, not one`);
    const heading = (h1s[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const summary = document.querySelector('.govuk-error-summary');
    const title = `${summary ? 'Error: ' : ''}${heading} - Skillway`;
    if (document.title.trim() !== title) problems.push(`title "${document.title}", not "${title}"`);
    const skip = document.querySelector('a.govuk-skip-link');
    if (!skip || skip.getAttribute('href') !== '#main-content') problems.push('no skip link to #main-content');
    if (!document.getElementById('main-content')) problems.push('no #main-content');
    for (const path of ['/accessibility', '/privacy']) {
      if (!document.querySelector(`footer a[href="${path}"]`)) problems.push(`no footer link to ${path}`);
    }
    if (!document.querySelector('link[rel="stylesheet"][href="/assets/skillway.css"]')) {
      problems.push('no stylesheet /assets/skillway.css');
    }
    if (summary) {
      for (const link of summary.querySelectorAll('a')) {
        const id = decodeURIComponent((link.getAttribute('href') ?? '').replace(/^#/, ''));
        if (!document.getElementById(id)) problems.push(`error summary links to #${id}, which is not on the page`);
      }
    }
    return { problems, hasErrorSummary: !!summary, heading };
  });
}

async function keyboard(page, frame) {
  const problems = [];
  if (frame.hasErrorSummary) {
    const focused = await page.evaluate(() => document.activeElement?.matches('.govuk-error-summary'));
    if (!focused) problems.push('the error summary does not have focus when the page opens');
    return problems;
  }
  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    const result = {
      skip: el.matches('a.govuk-skip-link'),
      html: el.outerHTML.slice(0, 120),
      visible: (outline || shadow) && box.width > 0 && box.height > 0,
    };
    el.blur();
    return result;
  });
  if (!focus.skip) problems.push(`the first Tab goes to ${focus.html}, not the skip link`);
  else if (!focus.visible) problems.push('the skip link shows no focus (no outline, no box-shadow, or no size)');
  return problems;
}

async function reflow(page) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize(viewport);
  return width > 320 ? [`scrolls sideways at 320 px wide (${width} px)`] : [];
}

async function runAxe(page) {
  await page.evaluate(axeSource); // through the DevTools protocol: the page's CSP does not apply
  return page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }))),
    AXE_TAGS,
  );
}

async function screenshots(page, file) {
  const viewport = page.viewportSize();
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    await page.setViewportSize({ width, height });
    // the caret blinks: hidden, two runs of a page give the same picture
    await page.screenshot({ path: `${screenshotDir}/${file}-${width}.png`, fullPage: true, caret: 'hide' });
  }
  await page.setViewportSize(viewport);
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

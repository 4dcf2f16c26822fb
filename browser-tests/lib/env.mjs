// Where the tests find the app and the browser. BrowserStoryIT (local-platform) sets these for the
// platform it starts; run by hand, they default to ./run-local.sh's ports and demo keys.
import { existsSync } from 'node:fs';

export const baseUrl = (process.env.SKILLWAY_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const origin = new URL(baseUrl).origin;
export const employerApiKey =
  process.env.SKILLWAY_EMPLOYER_API_KEY ?? 'demo-employer-key-northwest-digital';
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Throws, with how to fix it, when there is no browser or no app to test: never skips. */
export async function requireBrowserAndApp() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install it: sudo apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH to a Chromium or Chrome binary). .ci/run installs it on a fresh machine.',
    );
  }
  try {
    await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw new Error(
      `Skillway does not answer at ${baseUrl} (${e.cause?.code ?? e.message}). Start it with ./run-local.sh, ` +
        'or run the browser tests through Maven: ./mvnw verify -pl local-platform -Dit.test=BrowserStoryIT',
    );
  }
}

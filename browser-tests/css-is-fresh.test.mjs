// The web app's stylesheet is compiled here and committed, so that the Java build needs no Node.
// This test catches a change to the Sass that was not compiled (or a hand edit of the CSS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const source = fileURLToPath(new URL('../ingest-service/src/main/web/skillway.scss', import.meta.url));
const committed = fileURLToPath(
  new URL('../ingest-service/src/main/resources/static/assets/skillway.css', import.meta.url),
);

test('the committed stylesheet is the one the Sass compiles to', () => {
  const compiled = sass.compile(source, {
    style: 'compressed',
    loadPaths: [fileURLToPath(new URL('node_modules', import.meta.url))],
  }).css;
  assert.ok(
    readFileSync(committed, 'utf8').trim() === compiled.trim(),
    `${committed} is stale: it is not what ${source} compiles to. ` +
      'run: npm --prefix browser-tests run build:css',
  );
});

test('the stylesheet asks for no image and no font, and names no GOV.UK typeface', () => {
  const css = readFileSync(committed, 'utf8');
  assert.deepEqual(css.match(/url\([^)]*\)/g) ?? [], []);
  assert.equal(css.includes('@font-face'), false);
  assert.equal(css.includes('GDS Transport'), false);
});

// Loading the module: two widgets on a page share one wasm download, and importing the module
// outside a browser (server-side rendering) touches no browser global.
//
//   node --test --test-concurrency=1 tests/e2e/loading.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, canvasState, useServer } from './helpers.mjs';

const { open } = useServer();

test('two widgets on one page share one wasm download and both draw', async (t) => {
  const wasm = [];
  const { page, errors } = await open(t, `${PAGES}/two.html`, { viewport: { width: 900, height: 1200 } }, {
    onPage: (p) => p.on('request', (r) => new URL(r.url()).pathname.endsWith('.wasm') && wasm.push(r.url())),
  });
  assert.equal(wasm.length, 1, `the .wasm file is requested exactly once: ${JSON.stringify(wasm)}`);
  const a = await canvasState(page, '#a');
  const b = await canvasState(page, '#b');
  assert.ok(a.drawn >= 1 && b.drawn >= 1, 'both widgets drew');
  assert.ok(a.counts.region > 500, `first widget draws (${a.counts.region} px)`);
  assert.ok(b.counts.region > 100, `second widget draws (${b.counts.region} px)`);
  assert.ok(b.counts.previous > 50, `second widget (change view, CSV data) draws last year (${b.counts.previous} px)`);
  assert.notEqual(a.hash, b.hash, 'two different drawings');
  const ids = await page.evaluate(() => [...document.querySelectorAll('passrate-chart')]
    .map((h) => h.shadowRoot.querySelector('.stage').id));
  assert.equal(new Set(ids).size, 2, `element ids differ between widgets: ${ids}`);
  assert.deepEqual(errors, []);
});

test('server-side rendering: importing the module outside a browser touches no browser global', async () => {
  const mod = await import('../../pkg/passrate-chart.js');
  assert.equal(typeof mod.mount, 'function');
  assert.equal(typeof mod.PassrateChartElement, 'function');
  assert.equal(typeof globalThis.customElements, 'undefined', 'node has no custom elements registry');
});

// Soak: 1,000 mount/destroy cycles and 10,000 updates in headless Chromium, with the DOM
// counters, JS heap and wasm memory read after forced garbage collections.
//
//   npm run soak        (node tests/soak.mjs [--cycles 1000] [--updates 10000])
//
// Fails when destroy() leaves nodes or listeners behind, or when memory keeps growing after
// warm-up: more than 2 % over the second half of the updates, or any growth past 0.5 % over
// the last 30 % (a one-off step of the JS heap is V8's; a leak keeps climbing).
import assert from 'node:assert/strict';
import { build } from '../scripts/build.mjs';
import { PAGES, openPage, startServer } from './e2e/helpers.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CYCLES = arg('--cycles', 1000);
const UPDATES = arg('--updates', 10000);

if (!process.argv.includes('--no-build')) await build();
const { server, base } = await startServer();
// Uncaught page errors fail the soak; console messages do not.
const { ctx, page, pageErrors: errors } = await openPage(null, `${base}${PAGES}/mount.html`, { viewport: { width: 900, height: 900 } });
const cdp = await ctx.newCDPSession(page);

async function counters() {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(async () => (await import('/pkg/passrate_chart.js')).default().then((w) => w.memory.buffer.byteLength));
  return { nodes: dom.nodes, listeners: dom.jsEventListeners, heap: usedSize, wasm };
}

// Warm up one cycle so code and caches exist, then count.
const cycle = (n) => page.evaluate(async (n) => {
  for (let i = 0; i < n; i++) {
    const div = document.createElement('div');
    div.style.width = '640px';
    document.body.append(div);
    const chart = await window.prc.mount(div, window.dataset, { view: i % 2 ? 'change' : 'compare' });
    chart.redraw();
    chart.destroy();
    div.remove();
  }
}, n);
await cycle(10);
const before = await counters();
await cycle(CYCLES);
const after = await counters();
console.log(`mount/destroy × ${CYCLES}: DOM nodes ${before.nodes} → ${after.nodes}, listeners ${before.listeners} → ${after.listeners}, JS heap ${(before.heap / 1024).toFixed(0)} → ${(after.heap / 1024).toFixed(0)} KB, wasm ${(before.wasm / 1024).toFixed(0)} → ${(after.wasm / 1024).toFixed(0)} KB`);

await page.evaluate(async () => {
  const div = document.createElement('div');
  div.style.width = '640px';
  document.body.append(div);
  window.soak = await window.prc.mount(div, window.dataset);
});
const readings = [];
const step = UPDATES / 10;
for (let done = 0; done < UPDATES; done += step) {
  await page.evaluate((k) => {
    const base = window.dataset;
    for (let i = 0; i < k; i++) {
      const d = structuredClone(base);
      d.years[0].tiers[0].rate = 15 + (i % 10) / 10;
      window.soak.update(d);
    }
  }, step);
  readings.push(await counters());
}
const kb = (n) => (n / 1024).toFixed(0);
console.log(`updates × ${UPDATES}, after every ${step}: JS heap ${readings.map((r) => kb(r.heap)).join(', ')} KB`);
console.log(`  wasm memory ${readings.map((r) => kb(r.wasm)).join(', ')} KB; DOM nodes ${readings.map((r) => r.nodes).join(', ')}`);
const half = readings[4];
const end = readings[readings.length - 1];
const growth = (a, b) => ((b - a) / a) * 100;
console.log(`growth over the second half: JS heap ${growth(half.heap, end.heap).toFixed(2)} %, wasm ${growth(half.wasm, end.wasm).toFixed(2)} %, DOM nodes ${end.nodes - half.nodes}`);

await ctx.close();
server.close();
assert.deepEqual(errors, []);
assert.ok(after.nodes <= before.nodes + 5, 'destroy() leaves no DOM nodes behind');
assert.ok(after.listeners <= before.listeners, 'destroy() leaves no listeners behind');
assert.ok(after.wasm <= before.wasm * 1.01, 'mount/destroy does not grow wasm memory');
assert.ok(growth(half.heap, end.heap) < 2, 'JS heap flat after warm-up');
assert.ok(growth(readings[6].heap, end.heap) < 0.5, 'JS heap not climbing at the end');
assert.ok(growth(half.wasm, end.wasm) < 1, 'wasm memory flat after warm-up');
assert.ok(end.nodes - half.nodes <= 5, 'DOM nodes flat');
console.log('soak: 1 passed, 0 failed');

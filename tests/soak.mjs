// Soak: 1,000 mount/destroy cycles and 10,000 updates in headless Chromium, with the DOM
// counters, JS heap and wasm memory read after forced garbage collections.
//
//   npm run soak        (node tests/soak.mjs [--cycles 1000] [--updates 10000])
//
// Fails when destroy() leaves nodes or listeners behind, or when memory keeps growing after
// warm-up: more than 2 % over the second half of the updates, or any growth past 0.5 % over
// the last 30 % (a one-off step of the JS heap is V8's; a leak keeps climbing).
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
// Uncaught page errors fail the soak; console messages do not. The wasm instances the widget
// starts are recorded as they are made, so that the memory read is the widget's own (importing
// the package's glue module again would start, and measure, an idle instance of its own).
const { ctx, page, pageErrors: errors } = await openPage(null, `${base}${PAGES}/mount.html`, { viewport: { width: 900, height: 900 } }, {
  onPage: (p) => p.addInitScript(() => {
    window.__instances = [];
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async function (...args) {
      const out = await instantiate.apply(this, args);
      window.__instances.push(out instanceof WebAssembly.Instance ? out : out.instance);
      return out;
    };
  }),
});
const cdp = await ctx.newCDPSession(page);

async function counters() {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // The widget's engine: the instance started last (one per page, another after a trap).
  const wasm = await page.evaluate(() => {
    const memories = window.__instances.map((i) => i.exports.memory).filter(Boolean);
    if (memories.length !== 1) throw new Error(`${memories.length} wasm instances with a memory, expected the widget's one`);
    return memories[0].buffer.byteLength;
  });
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

// Every check is reported, and the count of passed and failed ones is the count of the checks.
const checks = [
  ['no page errors', errors.length === 0, errors.join('; ')],
  ['destroy() leaves no DOM nodes behind', after.nodes <= before.nodes + 5, `${before.nodes} → ${after.nodes}`],
  ['destroy() leaves no listeners behind', after.listeners <= before.listeners, `${before.listeners} → ${after.listeners}`],
  ['mount/destroy does not grow wasm memory', after.wasm <= before.wasm * 1.01, `${kb(before.wasm)} → ${kb(after.wasm)} KB`],
  ['JS heap flat after warm-up', growth(half.heap, end.heap) < 2, `${growth(half.heap, end.heap).toFixed(2)} %`],
  ['JS heap not climbing at the end', growth(readings[6].heap, end.heap) < 0.5, `${growth(readings[6].heap, end.heap).toFixed(2)} %`],
  ['wasm memory flat after warm-up', growth(half.wasm, end.wasm) < 1, `${growth(half.wasm, end.wasm).toFixed(2)} %`],
  ['DOM nodes flat', end.nodes - half.nodes <= 5, `${half.nodes} → ${end.nodes}`],
];
for (const [name, ok, detail] of checks) console.log(`${ok ? 'ok' : 'not ok'} - ${name} (${detail})`);
const failed = checks.filter(([, ok]) => !ok).length;
console.log(`soak: ${checks.length - failed} passed, ${failed} failed`);
if (failed) process.exitCode = 1;

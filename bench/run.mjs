// The benchmark: passrate-chart, Chart.js and ECharts draw the same chart in one headless
// Chromium run, interleaved, a fresh page per repetition. See BENCHMARKS.md.
//
//   npm run bench            (= node bench/run.mjs: set-up, release build, then the run)
//   node bench/run.mjs [--reps 7] [--updates 10000] [--no-build]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { build } from '../scripts/build.mjs';
import { ROOT } from '../scripts/setup.mjs';
import { launch } from '../scripts/browser.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const REPS = arg('--reps', 7);
const UPDATES = arg('--updates', 10000);

const CONTENDERS = {
  // What a reader's page loads: the widget (glue inside) and the wasm.
  'passrate-chart': { page: 'passrate', files: ['pkg/passrate-chart.js', 'pkg/passrate_chart_bg.wasm'] },
  'Chart.js 4.6.1': { page: 'chartjs', files: ['node_modules/chart.js/dist/chart.umd.min.js'] },
  'ECharts 6.1.0': { page: 'echarts', files: ['node_modules/echarts/dist/echarts.min.js'] },
};

function bytes(files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const b = readFileSync(join(ROOT, f));
    raw += b.length;
    gzip += gzipSync(b, { level: 9 }).length;
  }
  return { raw, gzip };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};

if (!process.argv.includes('--no-build')) await build();
const server = await serve(ROOT, 0);
const base = `http://127.0.0.1:${server.address().port}/bench/pages`;

async function once(page, n, throttle, derived = false) {
  const ctx = await launch({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  try {
    const p = await ctx.newPage();
    if (throttle) {
      const cdp = await ctx.newCDPSession(p);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${base}/${page}.html?n=${n}${derived ? '&derived=1' : ''}`);
    await p.waitForFunction(() => window.__bench, null, { timeout: 60000 });
    if (errors.length) throw new Error(`${page}: ${errors.join('; ')}`);
    return await p.evaluate(() => window.__bench);
  } finally {
    await ctx.close();
  }
}

async function memory(page) {
  const ctx = await launch({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  try {
    const p = await ctx.newPage();
    const cdp = await ctx.newCDPSession(p);
    await p.goto(`${base}/${page}.html?n=2`);
    await p.waitForFunction(() => window.__bench, null, { timeout: 60000 });
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const wasm = await p.evaluate(() => (window.wasmBytes ? window.wasmBytes() : 0));
      return { js: usedSize, wasm };
    };
    // A reading after every tenth of the updates: growth after 10 % and after 50 % warm-up.
    const readings = [];
    const step = Math.round(UPDATES / 10);
    for (let done = 0; done < UPDATES; done += step) {
      await p.evaluate((k) => window.step(k), step);
      readings.push(await measure());
    }
    return { readings, warm: readings[0], half: readings[4], end: readings[readings.length - 1] };
  } finally {
    await ctx.close();
  }
}

const results = Object.fromEntries(Object.keys(CONTENDERS).map((k) => [k, { first: [], firstSlow: [], redraw2: [], redraw300: [], redraw300d: [], hover2: [], hover300: [] }]));
const names = Object.keys(CONTENDERS);
for (let rep = 0; rep < REPS; rep++) {
  // Interleave, rotating who goes first.
  const order = names.map((_, i) => names[(i + rep) % names.length]);
  for (const name of order) {
    const { page } = CONTENDERS[name];
    const small = await once(page, 2);
    const big = await once(page, 300);
    const slow = await once(page, 2, 4);
    // The real case: the province's rates derived from the stated differences, every
    // reference bar hatched. The peers have no such thing and draw the same bars as above.
    const derived = name === 'passrate-chart' ? await once(page, 300, undefined, true) : big;
    const r = results[name];
    r.redraw300d.push(derived.redraw);
    r.first.push(small.firstPaint);
    r.firstSlow.push(slow.firstPaint);
    r.redraw2.push(small.redraw);
    r.redraw300.push(big.redraw);
    r.hover2.push(small.hover);
    r.hover300.push(big.hover);
  }
  process.stderr.write(`rep ${rep + 1}/${REPS}\n`);
}
// A results-day page: M charts of the same figures on one page, all on screen (the viewport as
// tall as the page), against the same page of Chart.js charts; per repetition, interleaved.
const MANY = [1, 10, 30, 100];
const MANY_PAGES = { 'passrate-chart': 'many-passrate', 'Chart.js 4.6.1': 'many-chartjs' };
async function many(page, m) {
  const rows = Math.ceil(m / 2);
  const ctx = await launch({ viewport: { width: 820, height: rows * 640 + 16 }, deviceScaleFactor: 2 });
  try {
    const p = await ctx.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${base}/${page}.html?m=${m}`);
    await p.waitForFunction(() => window.__bench, null, { timeout: 120000 });
    if (errors.length) throw new Error(`${page}: ${errors.join('; ')}`);
    const r = await p.evaluate(() => window.__bench);
    if (r.charts !== m) throw new Error(`${page}: ${r.charts} charts drawn of ${m}`);
    return r;
  } finally {
    await ctx.close();
  }
}
const manyResults = Object.fromEntries(Object.keys(MANY_PAGES).map((k) => [k, Object.fromEntries(MANY.map((m) => [m, []]))]));
for (let rep = 0; rep < REPS; rep++) {
  for (const m of MANY) {
    const order = rep % 2 ? Object.keys(MANY_PAGES).reverse() : Object.keys(MANY_PAGES);
    for (const name of order) manyResults[name][m].push((await many(MANY_PAGES[name], m)).all);
  }
  process.stderr.write(`many charts: rep ${rep + 1}/${REPS}\n`);
}
const mem = {};
for (const name of names) mem[name] = await memory(CONTENDERS[name].page);
server.close();

const fmt = (s, d = 2) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
const table = {};
for (const name of names) {
  const r = results[name];
  const b = bytes(CONTENDERS[name].files);
  const m = mem[name];
  const growth = (a, z) => (a ? `${(((z - a) / a) * 100).toFixed(2)} %` : 'n/a');
  table[name] = { bytes: b, ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, stats(v)])), memory: m };
  rows.push(`| ${name} | ${kb(b.raw)} | ${kb(b.gzip)} | ${fmt(stats(r.first), 1)} | ${fmt(stats(r.firstSlow), 1)} | ${fmt(stats(r.redraw2))} | ${fmt(stats(r.redraw300))} | ${fmt(stats(r.redraw300d))} | ${fmt(stats(r.hover2))} | ${fmt(stats(r.hover300))} | ${kb(m.end.js)} (${growth(m.warm.js, m.end.js)} / ${growth(m.half.js, m.end.js)}) | ${m.end.wasm ? `${kb(m.end.wasm)} (${growth(m.warm.wasm, m.end.wasm)})` : '—'} |`);
}
// Ratios per repetition (each repetition ran both on the same machine state), then their median.
const ratio = (k) => {
  const a = results['passrate-chart'][k];
  const b = results['Chart.js 4.6.1'][k];
  return stats(a.map((x, i) => x / b[i])).median.toFixed(2);
};
table.many = Object.fromEntries(Object.entries(manyResults).map(([name, byM]) => [name, Object.fromEntries(Object.entries(byM).map(([m, xs]) => [m, stats(xs)]))]));
const manyRatio = (m) => {
  const a = manyResults['passrate-chart'][m];
  const b = manyResults['Chart.js 4.6.1'][m];
  return stats(a.map((x, i) => x / b[i])).median;
};
const manyRows = MANY.map((m) => {
  const cell = (name) => {
    const st = stats(manyResults[name][m]);
    return `${st.median.toFixed(0)} (${(st.median / m).toFixed(1)} per chart)`;
  };
  return `| ${m} | ${cell('passrate-chart')} | ${cell('Chart.js 4.6.1')} | ${manyRatio(m).toFixed(2)} |`;
});
table.ratios = Object.fromEntries(['first', 'firstSlow', 'redraw2', 'redraw300', 'redraw300d', 'hover2', 'hover300'].map((k) => [k, Number(ratio(k))]));
const md = [
  `| contender | JS + wasm raw | gzip -9 | first chart painted, ms | same, 4× CPU throttling | full redraw, 2 categories, ms | full redraw, 300 | full redraw, 300, derived (hatched) | hover, 2, ms | hover, 300 | JS heap after ${UPDATES} updates (growth after ${UPDATES / 10} / ${UPDATES / 2} warm-up updates) | wasm memory (growth) |`,
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  `Ratios passrate-chart ÷ Chart.js (median of the per-repetition ratios): gzip ${(table['passrate-chart'].bytes.gzip / table['Chart.js 4.6.1'].bytes.gzip).toFixed(2)}, first paint ${ratio('first')}, first paint at 4× throttling ${ratio('firstSlow')}, redraw at 300 ${ratio('redraw300')}, redraw at 300 derived ${ratio('redraw300d')}, hover at 2 ${ratio('hover2')}, hover at 300 ${ratio('hover300')}.`,
  '',
  'A page of M charts, all on screen: ms from the library\'s import until every canvas is rasterised (median of the repetitions; ratio = median of the per-repetition ratios):',
  '',
  '| charts | passrate-chart, ms | Chart.js, ms | ratio |',
  '| --- | --- | --- | --- |',
  ...manyRows,
  '',
  'JS heap after garbage collection, every tenth of the updates (KB):',
  ...names.map((n) => `- ${n}: ${mem[n].readings.map((x) => Math.round(x.js / 1024)).join(', ')}`),
].join('\n');
mkdirSync(join(ROOT, 'target'), { recursive: true });
writeFileSync(join(ROOT, 'target', 'bench.json'), JSON.stringify(table, null, 2));
writeFileSync(join(ROOT, 'target', 'bench.md'), md);
console.log(md);

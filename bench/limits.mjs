// How the cost of each view grows with the data, up to the loader's limits: the widget in
// headless Chromium (first frame after mount, and the longest main-thread task) and the
// command line (SVG and a phone PNG), median of a few repetitions. Writes target/limits.md,
// the table BENCHMARKS.md records ("Limits").
//
//   node bench/limits.mjs [--reps 3] [--no-build]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { build } from '../scripts/build.mjs';
import { ROOT, run } from '../scripts/setup.mjs';
import { launch } from '../scripts/browser.mjs';
import { GRID, PAGES, measureViews } from '../tests/e2e/helpers.mjs';

const REPS = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 3;
const SWEEPS = [
  { what: 'cities: areas (× 6 tiers)', view: 'cities', sizes: [25, 50, 100, 200, 250].map((n) => [n, 1, 6]), label: (g) => `${g[0]} areas` },
  { what: 'cities: tiers (100 areas ×)', view: 'cities', sizes: [5, 10, 20, 40].map((n) => [100, 1, n]), label: (g) => `${g[2]} tiers` },
  { what: 'trend: years (× 6 tiers)', view: 'trend', sizes: [10, 20, 40, 60].map((n) => [1, n, 6]), label: (g) => `${g[1]} years` },
  { what: 'trend: tiers (60 years ×)', view: 'trend', sizes: [10, 40, 150, 300].map((n) => [1, 60, n]), label: (g) => `${g[2]} tiers` },
  { what: 'compare: tiers', view: 'compare', sizes: [50, 100, 200, 300].map((n) => [1, 1, n]), label: (g) => `${g[2]} tiers` },
  { what: 'compare: entries (100 areas × 20 tiers ×)', view: 'compare', sizes: [1, 3, 6, 12].map((n) => [100, n, 20]), label: (g) => `${g[1]} years (${g[0] * g[1] * g[2]} entries)` },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!process.argv.includes('--no-build')) {
  await build();
  run('cargo', ['build', '--release', '-p', 'passrate-chart-cli', '--bin', 'passrate-chart']);
}
const server = await serve(ROOT, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const cli = join(ROOT, 'target', 'release', 'passrate-chart');
const tmp = join(ROOT, 'target', 'limits');
mkdirSync(tmp, { recursive: true });

/** The widget: median first-frame time and longest task over REPS fresh pages. */
async function browser(grid, view) {
  const ms = [];
  const task = [];
  let text = '';
  for (let r = 0; r < REPS; r++) {
    const ctx = await launch({ viewport: { width: 900, height: 900 }, deviceScaleFactor: 2 });
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}${PAGES}/mount.html`);
      await page.waitForSelector('body[data-ready="true"]');
      text = await page.evaluate(([g, args]) => (0, eval)(g)(...args), [GRID, grid]);
      const [row] = await measureViews(page, text, [view]);
      ms.push(row.ms);
      task.push(row.task);
    } finally {
      await ctx.close();
    }
  }
  return { ms: median(ms), task: median(task), kb: text.length / 1024, text };
}

/** The command line: median wall time of SVG and of PNG (`--format png`, 1080 px wide). */
function command(text, view) {
  const file = join(tmp, 'data.json');
  writeFileSync(file, text);
  const time = (args) => median(Array.from({ length: REPS }, () => {
    const t0 = process.hrtime.bigint();
    execFileSync(cli, ['render', file, '--view', view, ...args], { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  }));
  return { svg: time(['-o', join(tmp, 'out.svg')]), png: time(['-o', join(tmp, 'out.png')]) };
}

const lines = ['| sweep | size | JSON | widget: first frame | widget: longest task | CLI SVG | CLI PNG |', '| --- | --- | --- | --- | --- | --- | --- |'];
for (const s of SWEEPS) {
  for (const g of s.sizes) {
    const b = await browser(g, s.view);
    const c = command(b.text, s.view);
    const row = `| ${s.what} | ${s.label(g)} | ${b.kb.toFixed(0)} KB | ${b.ms} ms | ${b.task} ms | ${c.svg.toFixed(0)} ms | ${c.png.toFixed(0)} ms |`;
    console.log(row);
    lines.push(row);
  }
}
server.close();
writeFileSync(join(ROOT, 'target', 'limits.md'), `${lines.join('\n')}\n`);
console.log('» wrote target/limits.md');

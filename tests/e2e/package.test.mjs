// The npm package as a consumer meets it, from the packed tarball, not from the source tree:
// its file list; a fresh Vite app that imports `mount`, built and served; a plain HTML page
// with one script tag and a <passrate-chart> element; and a TypeScript consumer type-checked
// with tsc, including a call that must not type-check.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSUMERS, ROOT, canvasState, pack, serveFor, sh, viteApp } from './helpers.mjs';

const VITE = '7.3.8';
const TYPESCRIPT = '5.9.3';
let tarball;
let files;

before(() => {
  ({ tarball, files } = pack());
});

test('the tarball holds the built package and nothing else', () => {
  assert.deepEqual(files, [
    'CHANGELOG.md', 'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'package.json',
    'pkg/passrate-chart.d.ts', 'pkg/passrate-chart.js', 'pkg/passrate_chart.d.ts', 'pkg/passrate_chart.js',
    'pkg/passrate_chart_bg.wasm',
  ]);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'passrate-chart');
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.equal(pkg.exports['.'].types, './pkg/passrate-chart.d.ts');
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(pkg.version, /^version = "([^"]+)"/m.exec(cargo)[1], 'npm and crate versions agree');
  assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`## \\[${pkg.version.replaceAll('.', '\\.')}\\]`));
});

/**
 * Opens the page `site` serves at /, waits for a drawn chart, hovers a bar and returns what
 * the tooltip says. These pages have no ready marker: the chart's points are the sign.
 */
async function drawsAndHovers(t, site, select) {
  const { page, errors } = await site.open(t, '/', { viewport: { width: 900, height: 900 } }, {
    ready: (p) => p.waitForFunction((sel) => (document.querySelector(sel)?.chart ?? window.chart)?.points?.length > 0, select, { timeout: 30000 }),
  });
  const region = (await canvasState(page, select, { tol: 3 })).counts.region;
  const probe = await page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const r = host.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const chart = host.chart ?? window.chart;
    const p = chart?.points?.find((q) => q.series === 'reference') ?? null;
    return { point: p && { x: r.left + p.x + p.w / 2, y: r.top + p.y + p.h / 2 } };
  }, select);
  assert.ok(region > 1000, `bars drawn (${region} region-colour pixels)`);
  assert.ok(probe.point, 'the chart exposes its points');
  await page.mouse.move(probe.point.x, probe.point.y);
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('.tip').hidden, select);
  const tip = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.tip').textContent, select);
  assert.deepEqual(errors, []);
  return tip;
}

test('a fresh Vite app installs the tarball, imports mount, builds, and the chart works', async (t) => {
  const app = viteApp('vite-app', tarball, {
    devDependencies: { vite: VITE, typescript: TYPESCRIPT },
    files: {
      'index.html': `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>consumer</title></head>
<body><div id="chart"></div><script type="module" src="/src/main.js"></script></body></html>`,
      'src/data.json': readFileSync(join(ROOT, 'www', 'data', 'yuncheng-2019.json'), 'utf8'),
      'src/main.js': `import { mount } from 'passrate-chart';
import data from './data.json';
mount(document.getElementById('chart'), data, { view: 'compare' })
  .then((chart) => { window.chart = chart; })
  .catch((e) => console.error(e));
`,
    },
  });
  const tip = await drawsAndHovers(t, await serveFor(t, join(app, 'dist')), '#chart');
  assert.match(tip, /14\.8%/);
  assert.match(tip, /推算/);
});

test('the unpacked package works from a plain page with one script tag', async (t) => {
  const site = mkdtempSync(join(tmpdir(), 'passrate-plain-'));
  sh('tar', ['xzf', tarball, '-C', site]);
  const data = readFileSync(join(ROOT, 'www', 'data', 'yuncheng-2019.csv'), 'utf8');
  writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>plain</title>
<script type="module" src="./package/pkg/passrate-chart.js"></script></head>
<body><passrate-chart id="chart" view="compare"><script type="text/csv">${data}</script></passrate-chart></body></html>`);
  const tip = await drawsAndHovers(t, await serveFor(t, site), '#chart');
  assert.match(tip, /山西省/);
});

test('TypeScript: a consumer type-checks, and a wrong call does not', () => {
  const app = join(CONSUMERS, 'vite-app');
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], skipLibCheck: false },
    include: ['src/consumer.ts'],
  }, null, 2));
  const good = `import { mount, type Dataset, type Chart } from 'passrate-chart';
const data: Dataset = {
  title: '运城市2019年高考本科达线情况', region: '运城市', reference: '山西省',
  source: { name: '运城新闻网', date: '2019-08-14' },
  years: [{ year: 2019, candidates: 36192, tiers: [{ tier: '一本线', passed: 5872, rate: 15.5, vs_reference_pp: 0.7 }] }],
};
export async function show(el: HTMLElement): Promise<Blob> {
  const chart: Chart = await mount(el, data, { view: 'change', lang: 'en', theme: 'auto' });
  chart.update('year,tier,area,rate\\n2019,一本线,运城市,15.5');
  chart.setView('compare');
  const el2: HTMLElement | null = document.querySelector('passrate-chart');
  void el2;
  return chart.toPNG({ scale: 2 });
}
`;
  writeFileSync(join(app, 'src', 'consumer.ts'), good);
  sh(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], app);
  // Each of these must be rejected by the types.
  const wrong = [
    `mount(document.body, data, { view: 'pie' });`,
    `const d: Dataset = { title: 't', region: 'r', years: [{ year: 2019, tiers: [{ tier: 'a', rate: true }] }] }; void d;`,
    `const d: Dataset = { title: 't', region: 'r', years: [] }; void d;`,
    `mount(document.body, data).then((c) => c.setView('table'));`,
  ];
  for (const line of wrong) {
    writeFileSync(join(app, 'src', 'consumer.ts'), `${good}\n${line}\n`);
    let failed = false;
    try {
      sh(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], app);
    } catch (e) {
      failed = true;
      assert.match(String(e.stdout), /consumer\.ts\(\d+,\d+\): error TS/, String(e.stdout));
    }
    assert.ok(failed, `tsc accepted a wrong call: ${line}`);
  }
  writeFileSync(join(app, 'src', 'consumer.ts'), good);
});

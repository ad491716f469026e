// What the browser tests share: the static server, a page in a fresh Chromium context, the
// widget's canvas pixels and DOM state, the palette, waits, axe-core, the corpus's recipes
// for large inputs, and consumer apps built from the packed package. Not a test file itself (scripts/test.mjs runs *.test.mjs only).
import { before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { ROOT } from '../../scripts/setup.mjs';
import { launch } from '../../scripts/browser.mjs';

export { ROOT };

/**
 * The test pages. Served from the repository root, they import /pkg/passrate-chart.js and
 * fetch /www/data/… exactly as an embedding page would (scripts/serve.mjs maps /pkg/).
 */
export const PAGES = '/tests/e2e/pages';

// ─── the palette (src/render.rs, Theme::light() and Theme::dark()) ────────────────────────────
export const PALETTE = {
  light: {
    region: [224, 79, 26], reference: [3, 47, 110], previous: [121, 129, 139], warning: [180, 35, 24],
    regionTint: [253, 226, 212], referenceTint: [219, 231, 250],
  },
  dark: {
    region: [187, 98, 6], reference: [201, 224, 254], previous: [115, 121, 133], warning: [248, 113, 113],
    regionTint: [62, 40, 26], referenceTint: [31, 52, 84],
  },
};

/** `[224, 79, 26]` → `'#E04F1A'`, as the SVG backend writes fills. */
export const hex = (rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();

// ─── the server ──────────────────────────────────────────────────────────────────────────────
/**
 * A served tree: its `server`, `base` URL (no trailing slash), and `open(t, path, …)`, which is
 * `openPage` on `base + path`.
 */
function served(s = {}) {
  s.open = (t, path, options, hooks) => openPage(t, s.base + path, options, hooks);
  return s;
}

/** Serves `root` (default: the repository root) on a free port; close `server` when done.
 * With `tls` ({ key, cert }: selfSigned()), over https. */
export async function startServer(root = ROOT, headers = {}, tls = null) {
  const server = await serve(root, 0, headers, tls);
  return served({ server, base: `${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}` });
}

/** A self-signed certificate for 127.0.0.1, made with openssl, for tests over TLS (the
 * browser is told to take it: `ignoreHTTPSErrors`). */
export function selfSigned() {
  const dir = join(ROOT, 'target', 'tls');
  mkdirSync(dir, { recursive: true });
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** One server for the whole file (node:test before/after); `base` is set once the tests run. */
export function useServer(root = ROOT, headers = {}) {
  const s = served();
  before(async () => Object.assign(s, await startServer(root, headers)));
  after(() => s.server?.close());
  return s;
}

/** A server for one test, closed after it. */
export async function serveFor(t, root = ROOT, headers = {}) {
  const s = await startServer(root, headers);
  t.after(() => s.server.close());
  return s;
}

// ─── pages ───────────────────────────────────────────────────────────────────────────────────
/** Waits for the page's body[data-ready="true"] (tests/e2e/pages/ready.js, www/*.js). */
export const waitReady = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });

/** Goes to `url` and waits until the page is ready; resolves to the navigation response. */
export async function load(page, url) {
  const response = await page.goto(url);
  await waitReady(page);
  return response;
}

/**
 * A fresh browser context (closed after the test `t`; without `t` the caller closes `ctx`)
 * on `url`, waiting for `ready` (default: body[data-ready]). `onPage(page)` runs before the
 * navigation (listeners, routes, init scripts). `errors` collects console errors and page
 * errors, `pageErrors` page errors only.
 */
export async function openPage(t, url, options = {}, { onPage, ready = waitReady } = {}) {
  const ctx = await launch({ viewport: { width: 1000, height: 900 }, ...options });
  t?.after(() => ctx.close());
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const errors = [];
  const pageErrors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => {
    errors.push(e.message);
    pageErrors.push(e.message);
  });
  await onPage?.(page);
  const response = await page.goto(url);
  await ready(page);
  return { ctx, page, errors, pageErrors, response };
}

// ─── canvas paints ───────────────────────────────────────────────────────────────────────────
/**
 * An init script (`page.addInitScript(COUNT_PAINTS)`, before the widget loads) that counts
 * every paint of every canvas in `canvas.__paints` (and of all of them in `window.__paints`): the engine starts each frame by filling
 * the whole backing store with the background (src/render.rs), so each such fillRect is one
 * draw, however many happen within one animation frame. The widget's own `dataset.drawn`
 * counts only the draws that go through its scheduler.
 */
export function COUNT_PAINTS() {
  window.__paintsCounted = true;
  const fillRect = CanvasRenderingContext2D.prototype.fillRect;
  CanvasRenderingContext2D.prototype.fillRect = function (x, y, w, h) {
    const c = this.canvas;
    if (x === 0 && y === 0 && w === c.width && h === c.height) {
      c.__paints = (c.__paints || 0) + 1;
      window.__paints = (window.__paints || 0) + 1;
    }
    return fillRect.call(this, x, y, w, h);
  };
}

/** `openPage`'s hooks for a page whose canvas paints are counted (COUNT_PAINTS). */
export const COUNTED = { onPage: (p) => p.addInitScript(COUNT_PAINTS) };

/**
 * How many times the canvas of the widget `sel` was painted (0 before it has a canvas), or with
 * `sel` null every canvas of the page together. Needs COUNT_PAINTS.
 */
export const paints = (page, sel = '#chart') => page.evaluate((sel) => {
  if (!window.__paintsCounted) throw new Error('canvas paints are not counted: open the page with COUNT_PAINTS');
  if (sel === null) return window.__paints || 0;
  return document.querySelector(sel).shadowRoot?.querySelector('canvas')?.__paints || 0;
}, sel);

// ─── canvas pixels ───────────────────────────────────────────────────────────────────────────
/**
 * Per widget matching `sel`: canvas backing-store and CSS sizes, the pixels within `tol` (per
 * channel) of each of `colours`, a hash of the pixels, its view attribute, the widget's draw
 * count and the canvas's paint count (null unless the page counts them: COUNT_PAINTS).
 */
export function canvases(page, sel = 'passrate-chart', { colours = PALETTE.light, tol = 8 } = {}) {
  return page.$$eval(sel, (hosts, [colours, tol]) => hosts.map((host) => {
    const c = host.shadowRoot.querySelector('canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
    const entries = Object.entries(colours);
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i], g = data[i + 1], b = data[i + 2];
      hash = Math.imul(hash ^ (r | (g << 8) | (b << 16) | (data[i + 3] << 24)), 16777619);
      for (const [k, [cr, cg, cb]] of entries) {
        if (Math.abs(r - cr) <= tol && Math.abs(g - cg) <= tol && Math.abs(b - cb) <= tol) counts[k]++;
      }
    }
    const box = c.getBoundingClientRect();
    return {
      view: host.getAttribute('view'), width: c.width, height: c.height, cssWidth: box.width, cssHeight: box.height,
      dpr: window.devicePixelRatio, counts, hash: hash >>> 0, drawn: Number(host.dataset.drawn || 0),
      // Every paint of this canvas, when the page counts them (COUNT_PAINTS).
      paints: window.__paintsCounted ? c.__paints || 0 : null,
    };
  }), [colours, tol]);
}

/** `canvases` of the first widget matching `sel`. */
export async function canvasState(page, sel = '#chart', options = {}) {
  return (await canvases(page, sel, options))[0];
}

// ─── the widget's DOM ────────────────────────────────────────────────────────────────────────
/**
 * Tooltip, hover box, the focused point's option and the points of the widget, with boxes in
 * page coordinates. `focus` is the focused option's box (the keyboard's focus ring), `live`
 * its text (what a screen reader says on reaching it).
 */
export function widgetState(page, sel = '#chart') {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host.shadowRoot;
    const rect = (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
    const tip = root.querySelector('.tip');
    const stage = root.querySelector('.stage');
    const option = root.activeElement?.getAttribute('role') === 'option' ? root.activeElement : null;
    const hover = root.querySelector('.hover');
    return {
      drawn: Number(host.dataset.drawn || 0),
      // Every paint of the canvas, when the page counts them (COUNT_PAINTS); null otherwise.
      paints: window.__paintsCounted ? root.querySelector('canvas').__paints || 0 : null,
      points: host.chart?.points ?? [],
      canvas: rect(root.querySelector('canvas')),
      stage: rect(stage),
      figure: rect(root.querySelector('figure')),
      tipHidden: tip.hidden,
      tipDisplay: getComputedStyle(tip).display,
      tip: rect(tip),
      tipText: tip.textContent,
      tipHeading: tip.querySelector('.h')?.textContent ?? null,
      tipValue: tip.querySelector('.v')?.textContent ?? null,
      tipLines: [...tip.querySelectorAll('.l')].map((l) => l.textContent),
      hoverHidden: hover.hidden,
      focused: option ? Number(option.dataset.index) : -1,
      focus: option ? rect(option) : null,
      focusOutline: option ? getComputedStyle(option).outlineStyle : null,
      live: option?.textContent ?? null,
      stageFocused: !!option && stage.contains(option),
      stageFocusVisible: !!option && option.matches(':focus-visible'),
      active: host.chart?.active,
    };
  }, sel);
}

// ─── geometry ────────────────────────────────────────────────────────────────────────────────
/** The centre of a point, in page (viewport) coordinates. */
export function centre(state, p) {
  return { x: state.canvas.x + p.x + p.w / 2, y: state.canvas.y + p.y + p.h / 2 };
}

/** Horizontal distance between two boxes (0 when they overlap horizontally). */
export function gapX(a, b) {
  return Math.max(0, a.x - (b.x + b.w), b.x - (a.x + a.w));
}

/** Vertical distance between two boxes (0 when they overlap vertically). */
export function gapY(a, b) {
  return Math.max(0, a.y - (b.y + b.h), b.y - (a.y + a.h));
}

/** Whether box `inner` lies within `outer`, give or take `slack` px. */
export function inside(inner, outer, slack = 1) {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack
    && inner.x + inner.w <= outer.x + outer.w + slack && inner.y + inner.h <= outer.y + outer.h + slack;
}

// ─── waits ───────────────────────────────────────────────────────────────────────────────────
/** Until the widget's tooltip is hidden (`true`) or shown (`false`). */
export const waitTip = (page, hidden, sel = '#chart') => page.waitForFunction(
  ([sel, hidden]) => document.querySelector(sel).shadowRoot.querySelector('.tip').hidden === hidden,
  [sel, hidden], { timeout: 5000 },
);

/** Until the widget has drawn more than `n` times. */
export const waitDrawnAbove = (page, n, sel = '#chart') => page.waitForFunction(
  ([sel, n]) => Number(document.querySelector(sel).dataset.drawn || 0) > n, [sel, n], { timeout: 5000 },
);

// ─── axe-core ────────────────────────────────────────────────────────────────────────────────
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's violations on the whole document. */
export async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** Violations as readable lines for an assertion message. */
export function formatViolations(violations) {
  return violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`).join('\n')}`).join('\n');
}

// ─── the bad-input corpus ────────────────────────────────────────────────────────────────────
/**
 * The corpus's recipes for large inputs (the same as tests/corpus.rs), as source text to
 * `eval` in the page: `(seedText, recipe) => text`.
 */
export const GENERATE = `(seedText, r) => {
  const d = JSON.parse(seedText);
  if (r.deep) return '{"title":' + '['.repeat(r.deep) + ']'.repeat(r.deep) + '}';
  if (r.long_title_mb) { d.title = 'a'.repeat(r.long_title_mb * 1024 * 1024); return JSON.stringify(d); }
  if (r.tiers) { d.years[0].tiers = Array.from({ length: r.tiers }, (_, i) => ({ tier: 'T' + i, rate: 10 })); return JSON.stringify(d); }
  if (r.years) { d.years = Array.from({ length: r.years }, (_, i) => ({ year: 1950 + i, tiers: [{ tier: 'T', rate: 10 }] })); return JSON.stringify(d); }
  if (r.grid) {
    const [nr, ny, nt] = r.grid;
    const regions = Array.from({ length: nr }, (_, k) => ({ region: 'R' + k, years: Array.from({ length: ny }, (_, y) => ({
      year: 1990 + y, tiers: Array.from({ length: nt }, (_, t) => ({ tier: 'T' + t, rate: 10 })) })) }));
    return JSON.stringify({ version: 2, title: 'T', reference: 'P', regions });
  }
  if (r.values) return '{"title":[' + Array(r.values).fill('0').join(',') + ']}';
  throw new Error('unknown recipe');
}`;

// ─── consumers of the packed package ─────────────────────────────────────────────────────────
/** Where the consumer apps live; their installed packages stay there between runs. */
export const CONSUMERS = join(ROOT, 'target', 'consumer');

/** Runs `cmd` in `cwd`; resolves to its standard output, throws with its output on failure. */
export const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs the package into CONSUMERS as npm would publish it: `{ tarball, files }`. */
export function pack() {
  mkdirSync(CONSUMERS, { recursive: true });
  // The build ran just before (npm test); packing without scripts takes exactly those files.
  const out = JSON.parse(sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', CONSUMERS], ROOT));
  return { tarball: join(CONSUMERS, out[0].filename), files: out[0].files.map((f) => f.path).sort() };
}

/**
 * A fresh Vite app in CONSUMERS/`name` that depends on the packed `tarball` and on
 * `dependencies`/`devDependencies` (exact versions), with `files` (path → text), built with
 * `vite build --base ./`. Returns the app's folder; the built site is its dist/.
 */
export function viteApp(name, tarball, { dependencies = {}, devDependencies = {}, files = {} }) {
  const app = join(CONSUMERS, name);
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({
    name: `consumer-${name}`, private: true, type: 'module',
    dependencies: { 'passrate-chart': `file:${tarball}`, ...dependencies },
    devDependencies,
  }, null, 2));
  // The pinned packages stay installed (and in npm's cache) between runs; the tarball is new each run.
  rmSync(join(app, 'package-lock.json'), { force: true });
  rmSync(join(app, 'node_modules', 'passrate-chart'), { recursive: true, force: true });
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(app, path)), { recursive: true });
    writeFileSync(join(app, path), text);
  }
  rmSync(join(app, 'dist'), { recursive: true, force: true });
  sh(join(app, 'node_modules', '.bin', 'vite'), ['build', '--base', './'], app);
  return app;
}

// ─── data at the limits (tests/e2e/limits.test.mjs, bench/limits.mjs) ───────────────────────
/**
 * A dataset as JSON text: `regions` areas × `years` years × `tiers` tiers, every figure
 * stated (rate, difference to the reference, change on the year), names of `nameLength`.
 */
export const GRID = `(regions, years, tiers, nameLength = 3) => {
  const name = (p, i) => (p + i + '某'.repeat(nameLength)).slice(0, Math.max(nameLength, String(p + i).length));
  const list = Array.from({ length: regions }, (_, r) => ({
    region: name('区', r),
    years: Array.from({ length: years }, (_, y) => ({ year: 2024 - years + 1 + y, tiers: Array.from({ length: tiers }, (_, t) => ({
      tier: 'T' + t, rate: Number((10 + ((r * 7 + t * 3 + y) % 400) / 10).toFixed(1)),
      vs_reference_pp: Number((((r + t) % 30) / 10 - 1.5).toFixed(1)), vs_previous_year_pp: Number((((r + y) % 20) / 10 - 1).toFixed(1)),
    })) })),
  }));
  return JSON.stringify({ version: 2, title: '测试数据', reference: '测试省', regions: list });
}`;

/**
 * Mounts the JSON `text` and draws each of `views`, recording for each the wall time from the
 * call to the frame drawn and the longest main-thread task (PerformanceObserver longtask).
 */
export function measureViews(page, text, views) {
  return page.evaluate(async ([text, views]) => {
    const tasks = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const target = document.querySelector('#target');
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const out = [];
    let chart;
    for (const view of views) {
      tasks.length = 0;
      const t0 = performance.now();
      if (!chart) chart = await window.prc.mount(target, text, { view, height: 600 });
      else chart.setView(view);
      const host = target;
      while (!chart.points.length) await frame();
      await frame();
      const ms = performance.now() - t0;
      await new Promise((ok) => setTimeout(ok, 50));
      out.push({ view, ms: Math.round(ms), task: Math.round(Math.max(0, ...tasks)), points: chart.points.length, options: host.shadowRoot.querySelectorAll('[role=option]').length,
        pages: chart.view.pager.hidden ? 1 : Number((chart.view.pageStatus.textContent.match(/\/(\d+)|of (\d+)/) || [])[1] || 0) });
    }
    obs.disconnect();
    chart.destroy();
    return out;
  }, [text, views]);
}


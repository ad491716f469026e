// The static side: dist/ served from a sub-path, the PNG export, the static SVG matching the
// canvas, and the fallback image when the wasm cannot load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { ROOT } from '../../scripts/setup.mjs';
import { site } from '../../scripts/build.mjs';
import { launch } from '../../scripts/browser.mjs';

async function withPage(root, path, options, fn) {
  const server = await serve(root, 0);
  const ctx = await launch({ viewport: { width: 1000, height: 1000 }, ...options });
  try {
    const page = await ctx.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await fn(page, `http://127.0.0.1:${server.address().port}${path}`, errors);
  } finally {
    await ctx.close();
    server.close();
  }
}

const regionPixels = (page, sel) => page.$$eval(sel, (hosts) => hosts.map((h) => {
  const c = h.shadowRoot.querySelector('canvas');
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 217) < 4 && Math.abs(data[i + 1] - 72) < 4 && Math.abs(data[i + 2] - 15) < 4) n++;
  return n;
}));

test('dist/ works as it is when served from a sub-path', async () => {
  const dist = site();
  const host = mkdtempSync(join(tmpdir(), 'passrate-dist-'));
  mkdirSync(join(host, 'news', '2019', 'gaokao'), { recursive: true });
  cpSync(dist, join(host, 'news', '2019', 'gaokao'), { recursive: true });
  await withPage(host, '/news/2019/gaokao/', {}, async (page, url, errors) => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const counts = await regionPixels(page, 'passrate-chart');
    assert.equal(counts.length, 3);
    assert.ok(counts[0] > 5000 && counts[1] > 100, `both charts drawn (bars, dots): ${counts}`);
    await page.goto(`${url}playground.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    assert.match(await page.textContent('#status'), /有效/);
    assert.deepEqual(errors, []);
  });
});

test('toPNG: a standalone image with title, warnings and source, and the download button', async () => {
  await withPage(ROOT, '/tests/e2e/pages/one.html', { acceptDownloads: true }, async (page, url, errors) => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const png = await page.evaluate(async () => {
      const host = document.querySelector('#chart');
      const blob = await host.chart.toPNG({ scale: 2, width: 640 });
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const { data } = g.getImageData(0, 0, bmp.width, bmp.height);
      const count = (r, gr, b, y0 = 0, y1 = bmp.height) => {
        let n = 0;
        for (let y = y0; y < y1; y++) for (let x = 0; x < bmp.width; x++) {
          const i = (y * bmp.width + x) * 4;
          if (Math.abs(data[i] - r) < 4 && Math.abs(data[i + 1] - gr) < 4 && Math.abs(data[i + 2] - b) < 4) n++;
        }
        return n;
      };
      return {
        type: blob.type, width: bmp.width, height: bmp.height,
        region: count(217, 72, 15),
        // Dark title text in the top 60 CSS px; warning red in the bottom third (the footnote).
        title: (() => { let n = 0; for (let i = 0; i < 120 * bmp.width * 4; i += 4) if (data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80) n++; return n; })(),
        warning: count(180, 35, 24, Math.floor(bmp.height * 2 / 3)),
        stillHits: host.chart.points.length,
      };
    });
    assert.equal(png.type, 'image/png');
    assert.equal(png.width, 1280, 'width 640 at scale 2');
    assert.ok(png.region > 5000, `bars in the image (${png.region})`);
    assert.ok(png.title > 500, `title drawn in the image (${png.title} dark pixels)`);
    assert.ok(png.warning > 200, `warning footnote drawn in the image (${png.warning})`);
    assert.equal(png.stillHits, 5, 'the live chart is untouched');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart .actions button:not([aria-expanded])').click(),
    ]);
    assert.equal(download.suggestedFilename(), '运城市2019年高考本科达线情况.png');
    assert.deepEqual(errors, []);
  });
});

test('the static SVG and the canvas put the bars in the same places', async () => {
  const svg = readFileSync(join(ROOT, 'www', 'static', 'yuncheng-2019-compare.svg'), 'utf8');
  await withPage(ROOT, '/tests/e2e/pages/one.html', {}, async (page, url) => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const result = await page.evaluate(async (svgText) => {
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      const root = doc.documentElement;
      const w = Number(root.getAttribute('width'));
      const h = Number(root.getAttribute('height'));
      // Solid bars of the region colour, as the SVG backend wrote them.
      const rects = [...doc.querySelectorAll('rect')]
        .filter((r) => (r.getAttribute('fill') || '').toUpperCase() === '#D9480F')
        .map((r) => ['x', 'y', 'width', 'height'].map((k) => Number(r.getAttribute(k))))
        .filter(([, , rw, rh]) => rw > 10 && rh > 20);
      const host = document.querySelector('#chart');
      const blob = await host.chart.toPNG({ scale: 1, width: w });
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const at = (x, y) => [...g.getImageData(Math.round(x), Math.round(y), 1, 1).data].slice(0, 3);
      return {
        size: [bmp.width, bmp.height, w, h],
        rects,
        centres: rects.map(([x, y, rw, rh]) => at(x + rw / 2, y + rh / 2)),
        outside: rects.map(([x, y, rw, rh]) => at(x - 3, y + rh / 2)),
      };
    }, svg);
    assert.deepEqual(result.size.slice(0, 2), result.size.slice(2), 'same size');
    assert.equal(result.rects.length, 2, 'two solid region bars in the SVG');
    for (const [i, c] of result.centres.entries()) assert.deepEqual(c, [217, 72, 15], `canvas pixel at SVG bar ${i} centre`);
    for (const [i, c] of result.outside.entries()) assert.notDeepEqual(c, [217, 72, 15], `canvas pixel left of SVG bar ${i}`);
  });
});

test('when the wasm cannot load, the page keeps its static chart', async () => {
  await withPage(join(ROOT, 'www'), '/', {}, async (page, url, errors) => {
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const state = await page.$$eval('passrate-chart', (hosts) => hosts.map((h) => ({
      img: h.querySelector('img.fallback')?.getBoundingClientRect().height ?? 0,
      loaded: h.querySelector('img.fallback')?.naturalWidth ?? 0,
      errorBox: !!h.shadowRoot?.querySelector('.error'),
      canvas: !!h.shadowRoot?.querySelector('canvas'),
    })));
    for (const s of state) {
      assert.ok(s.img > 200 && s.loaded > 0, `fallback image shown: ${JSON.stringify(s)}`);
      assert.equal(s.errorBox, false);
      assert.equal(s.canvas, false);
    }
    assert.ok(errors.some((e) => /wasm/.test(e)), 'the failure is logged');
  });
});

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

test('the demo and the playground work under a strict Content-Security-Policy header', async () => {
  const server = await serve(join(ROOT, 'www'), 0, { 'content-security-policy': CSP });
  const ctx = await launch({ viewport: { width: 1000, height: 1000 } });
  try {
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const base = `http://127.0.0.1:${server.address().port}/`;
    const response = await page.goto(base);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const counts = await regionPixels(page, 'passrate-chart');
    assert.ok(counts[0] > 5000 && counts[1] > 100, `charts drawn under CSP: ${counts}`);
    const styled = await page.$eval('passrate-chart', (h) => getComputedStyle(h.shadowRoot.querySelector('.tabs')).borderTopLeftRadius);
    assert.equal(styled, '6px', 'the widget is styled under style-src self');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    await page.goto(`${base}playground.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    assert.match(await page.textContent('#status'), /有效/);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  } finally {
    await ctx.close();
    server.close();
  }
});

test('src: only http(s) and relative URLs are fetched', async () => {
  await withPage(ROOT, '/tests/e2e/pages/badsrc.html', {}, async (page, url) => {
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const boxes = await page.$$eval('passrate-chart', (hs) => hs.map((h) => h.shadowRoot.querySelector('.error')?.textContent ?? null));
    assert.match(boxes[0], /src: expected an http\(s\) or relative URL, got "javascript:alert\(1\)"/);
    assert.match(boxes[1], /src: expected an http\(s\) or relative URL, got "data:/);
    assert.equal(boxes[2], null, 'the relative src loads');
    // Nothing but the page, the package's module and wasm, and the one valid data src.
    const other = requests.filter((u) => !/\/(badsrc\.html|pkg\/passrate-chart\.js|pkg\/passrate_chart\.js|pkg\/passrate_chart_bg\.wasm|www\/data\/yuncheng-2019\.json)$/.test(new URL(u).pathname));
    assert.deepEqual(other, []);
  });
});

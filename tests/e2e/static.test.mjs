// The static side: dist/ served from a sub-path, the PNG export, the static SVG matching the
// canvas, and the fallback image when the wasm cannot load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { site } from '../../scripts/build.mjs';
import { PAGES, PALETTE, ROOT, canvases, hex, load, serveFor, useServer } from './helpers.mjs';

// The test pages; dist/ and www/ get a server of their own in their tests.
const { open } = useServer();
const VIEWPORT = { viewport: { width: 1000, height: 1000 } };
const { region, warning } = PALETTE.light;

/** Pixels of the region colour (within 3 per channel) in each widget's canvas. */
const regionPixels = async (page) => (await canvases(page, 'passrate-chart', { tol: 3 })).map((c) => c.counts.region);

test('dist/ works as it is when served from a sub-path', async (t) => {
  const dist = site();
  const host = mkdtempSync(join(tmpdir(), 'passrate-dist-'));
  mkdirSync(join(host, 'news', '2019', 'gaokao'), { recursive: true });
  cpSync(dist, join(host, 'news', '2019', 'gaokao'), { recursive: true });
  const served = await serveFor(t, host);
  // Content-hashed reader files: dist's pages load those, never the unhashed copies.
  const manifest = JSON.parse(readFileSync(join(dist, 'pkg', 'manifest.json'), 'utf8'));
  assert.match(manifest['passrate-chart.js'], /^passrate-chart\.[0-9a-f]{10}\.js$/);
  assert.match(manifest['passrate_chart_bg.wasm'], /^passrate_chart_bg\.[0-9a-f]{10}\.wasm$/);
  for (const f of ['embed.html', 'embed.js']) assert.ok(existsSync(join(dist, f)), `${f} keeps its name`);
  const requested = [];
  const { page, errors } = await served.open(t, '/news/2019/gaokao/', VIEWPORT, {
    onPage: (p) => p.on('request', (r) => requested.push(new URL(r.url()).pathname)),
  });
  const pkgRequests = requested.filter((u) => u.includes('/pkg/'));
  assert.ok(pkgRequests.includes(`/news/2019/gaokao/pkg/${manifest['passrate-chart.js']}`), pkgRequests.join(' '));
  assert.ok(pkgRequests.includes(`/news/2019/gaokao/pkg/${manifest['passrate_chart_bg.wasm']}`), pkgRequests.join(' '));
  assert.ok(!pkgRequests.some((u) => /passrate-chart\.js$|passrate_chart_bg\.wasm$/.test(u)), `no unhashed reader file: ${pkgRequests.join(' ')}`);
  const counts = await regionPixels(page);
  assert.equal(counts.length, 4);
  assert.ok(counts.every((c) => c > 1000), `every chart drawn: ${counts}`);
  await load(page, `${served.base}/news/2019/gaokao/playground.html`);
  assert.match(await page.textContent('#status'), /有效/);
  assert.deepEqual(errors, []);
});

test('toPNG: a standalone image with title, warnings and source, and the download button', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, { ...VIEWPORT, acceptDownloads: true });
  const png = await page.evaluate(async ([region, warning]) => {
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
      region: count(...region),
      // Dark title text in the top 60 CSS px; warning red in the bottom third (the footnote).
      title: (() => { let n = 0; for (let i = 0; i < 120 * bmp.width * 4; i += 4) if (data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80) n++; return n; })(),
      warning: count(...warning, Math.floor(bmp.height * 2 / 3)),
      stillHits: host.chart.points.length,
    };
  }, [region, warning]);
  assert.equal(png.type, 'image/png');
  assert.equal(png.width, 1280, 'width 640 at scale 2');
  assert.ok(png.region > 5000, `bars in the image (${png.region})`);
  assert.ok(png.title > 500, `title drawn in the image (${png.title} dark pixels)`);
  assert.ok(png.warning > 200, `warning footnote drawn in the image (${png.warning})`);
  assert.equal(png.stillHits, 5, 'the live chart is untouched');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#chart .actions button', { hasText: '下载图片' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), '运城市2019年高考本科达线情况.png');
  assert.deepEqual(errors, []);
});

// Beside 查看数据, the data as CSV: every figure as shown, with its provenance, its derivation
// or the source's words, its warnings and the source, in a file Excel opens as UTF-8.
test('download data: a CSV of every figure with its provenance and source', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, VIEWPORT);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#chart .actions button', { hasText: '下载数据' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), '运城市2019年高考本科达线情况.csv');
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff地区,年份,批次,指标,数值,单位,来源性质,推算方法或原文,提示,数据来源,发布日期,链接\r\n'), text.slice(0, 80));
  // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1).push(field); field = ''; rows.push([]); i++;
    } else field += c;
  }
  rows.pop();
  assert.ok(rows.every((r) => r.length === 12), 'twelve fields a row');
  const find = (figure) => rows.find((r) => r[2] === '一本线' && r[3] === figure);
  assert.deepEqual(find('达线率').slice(0, 7), ['运城市', '2019', '一本线', '达线率', '15.5', '%', '有矛盾']);
  assert.match(find('达线率')[8], /^① 2019年一本线：按人数计算 5/);
  assert.deepEqual(find('山西省达线率').slice(4, 7), ['14.8', '%', '推算']);
  assert.match(find('山西省达线率')[7], /15\.5 − 0\.7 = 14\.8/);
  assert.deepEqual(find('参考人数').slice(4, 7), ['36192', '人', '原文公布']);
  assert.equal(find('达线率')[9], '运城新闻网');
  assert.deepEqual(errors, []);
});

// The change view is as tall as its rows: no blank band at the bottom of its PNG, and none
// inside the live canvas above the text that follows it.
test('change view: no blank band in toPNG or in the live canvas', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, VIEWPORT);
  const r = await page.evaluate(async () => {
    const host = document.querySelector('#chart');
    host.chart.setView('change');
    // A page that reserves more height than the chart needs, as the demo did.
    host.setAttribute('height', '900');
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    // Rows from the bottom that are all one colour (the background), in ImageData `d`.
    const blankRows = (d, w, h) => {
      const bg = [d[0], d[1], d[2]];
      let y = h - 1;
      for (; y >= 0; y--) {
        let blank = true;
        for (let x = 0; x < w && blank; x++) {
          const i = (y * w + x) * 4;
          if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 24) blank = false;
        }
        if (!blank) break;
      }
      return h - 1 - y;
    };
    const blob = await host.chart.toPNG({ scale: 2, width: 640 });
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const png = { h: bmp.height, blank: blankRows(g.getImageData(0, 0, bmp.width, bmp.height).data, bmp.width, bmp.height) };
    const live = host.shadowRoot.querySelector('canvas');
    const lg = live.getContext('2d');
    const dpr = live.width / live.getBoundingClientRect().width;
    const canvas = { h: live.height, dpr, blank: blankRows(lg.getImageData(0, 0, live.width, live.height).data, live.width, live.height) };
    return { png, canvas };
  });
  // Below the last line of text there is only the chart's padding (16 CSS px), at scale 2.
  assert.ok(r.png.blank <= 2 * 24, `PNG: ${r.png.blank} blank rows at the bottom of ${r.png.h}`);
  assert.ok(r.canvas.blank <= r.canvas.dpr * 24, `live canvas: ${r.canvas.blank} blank rows at the bottom of ${r.canvas.h}`);
  assert.deepEqual(errors, []);
});

test('the static SVG and the canvas put the bars in the same places', async (t) => {
  // The command line's golden output, which the demo serves as its fallback image.
  const svg = readFileSync(join(ROOT, 'tests', 'golden', 'cli', 'yuncheng-2019-compare.svg'), 'utf8');
  const { page } = await open(t, `${PAGES}/one.html`, VIEWPORT);
  const result = await page.evaluate(async ([svgText, fill]) => {
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const root = doc.documentElement;
    const w = Number(root.getAttribute('width'));
    const h = Number(root.getAttribute('height'));
    // Solid bars of the region colour, as the SVG backend wrote them.
    const rects = [...doc.querySelectorAll('rect')]
      .filter((r) => (r.getAttribute('fill') || '').toUpperCase() === fill)
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
  }, [svg, hex(region)]);
  assert.deepEqual(result.size.slice(0, 2), result.size.slice(2), 'same size');
  assert.equal(result.rects.length, 2, 'two solid region bars in the SVG');
  for (const [i, c] of result.centres.entries()) assert.deepEqual(c, region, `canvas pixel at SVG bar ${i} centre`);
  for (const [i, c] of result.outside.entries()) assert.notDeepEqual(c, region, `canvas pixel left of SVG bar ${i}`);
});

test('when the wasm cannot load, the page keeps its static chart', async (t) => {
  const { page, errors } = await (await serveFor(t, join(ROOT, 'www'))).open(t, '/', VIEWPORT, {
    onPage: (p) => p.route('**/*.wasm', (r) => r.abort()),
  });
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

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

test('the demo and the playground work under a strict Content-Security-Policy header', async (t) => {
  const served = await serveFor(t, join(ROOT, 'www'), { 'content-security-policy': CSP });
  const { page, response } = await served.open(t, '/', VIEWPORT, {
    onPage: (p) => p.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    }),
  });
  assert.equal(response.headers()['content-security-policy'], CSP);
  const counts = await regionPixels(page);
  assert.ok(counts[0] > 5000 && counts[1] > 100, `charts drawn under CSP: ${counts}`);
  const styled = await page.$eval('passrate-chart', (h) => getComputedStyle(h.shadowRoot.querySelector('.tabs')).borderTopLeftRadius);
  assert.equal(styled, '6px', 'the widget is styled under style-src self');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await load(page, `${served.base}/playground.html`);
  assert.match(await page.textContent('#status'), /有效/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});

test('src: only http(s) and relative URLs are fetched', async (t) => {
  const requests = [];
  const { page, errors } = await open(t, `${PAGES}/badsrc.html`, VIEWPORT, {
    onPage: (p) => p.on('request', (r) => requests.push(r.url())),
  });
  const boxes = await page.$$eval('passrate-chart', (hs) => hs.map((h) => h.shadowRoot.querySelector('.error')?.textContent ?? null));
  assert.equal(boxes[0], '本页第1张图表暂时无法显示。');
  assert.equal(boxes[1], '本页第2张图表暂时无法显示。');
  assert.ok(errors.some((e) => /src: expected an http\(s\) or relative URL, got "javascript:alert\(1\)"/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /src: expected an http\(s\) or relative URL, got "data:/.test(e)), errors.join('\n'));
  assert.equal(boxes[2], null, 'the relative src loads');
  // Nothing but the page, the package's module and wasm, and the one valid data src.
  const other = requests.filter((u) => !/\/(badsrc\.html|pkg\/passrate-chart\.js|pkg\/passrate_chart_bg\.wasm|www\/data\/yuncheng-2019\.json)$/.test(new URL(u).pathname));
  assert.deepEqual(other, []);
});

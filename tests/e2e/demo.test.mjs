// The served demo page in headless Chromium: both charts drawn (real pixels in the chart
// colours, backing store = CSS size × devicePixelRatio), the tier-1 warning visible, no
// console errors, no horizontal overflow on a phone. Saves screenshots under target/.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, canvases, load, useServer } from './helpers.mjs';

const OUT = join(ROOT, 'target', 'screenshots');
const { version: VERSION } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const site = useServer(join(ROOT, 'www'));

before(() => mkdirSync(OUT, { recursive: true }));

const open = (t, viewport, dpr) => site.open(t, '/', { viewport, deviceScaleFactor: dpr });

/** Per canvas: sizes and how many pixels are within 3 of each chart colour. */
const canvasReport = (page) => canvases(page, 'passrate-chart', { tol: 3 });

test('demo page draws both charts sharp at dpr 2 and shows the warning', async (t) => {
  const { page, errors } = await open(t, { width: 900, height: 1200 }, 2);
  const report = await canvasReport(page);
  assert.deepEqual(report.map((r) => r.view), ['compare', 'change', 'trend', 'cities']);
  for (const r of report) {
    assert.equal(r.width, Math.round(r.cssWidth * 2), `${r.view}: backing store width is CSS width × 2`);
    assert.equal(r.height, Math.round(r.cssHeight * 2), `${r.view}: backing store height is CSS height × 2`);
    assert.ok(r.counts.region > 500, `${r.view}: region colour drawn (${r.counts.region} px)`);
    assert.ok(r.counts.reference > 100, `${r.view}: reference colour drawn (${r.counts.reference} px)`);
  }
  // Solid region bars in the compare view: at 2 bars × ≥ 40 × 100 device px.
  assert.ok(report[0].counts.region > 8000, `compare bars too small: ${report[0].counts.region}`);
  assert.ok(report[0].counts.warning > 20, `compare view marks the rate from the counts (${report[0].counts.warning} px)`);
  assert.ok(report[1].counts.previous > 50, 'change view draws last year');
  const notes = await page.$$eval('passrate-chart', (hosts) => hosts.flatMap((h) => [...h.shadowRoot.querySelectorAll('figure > ol.notes li')].map((li) => li.textContent)));
  // The seed's contradiction under each of its two charts; the example province's under its own.
  assert.equal(notes.length, 3, 'one footnote under each chart with a warning');
  assert.match(notes[0], /5,872 ÷ 36,192 = 16\.2%/);
  assert.match(notes[0], /15\.5%/);
  assert.match(notes[2], /戊市/);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(OUT, 'demo.png'), fullPage: true });
});

test('demo page fits a 360 px phone without horizontal scrolling', async (t) => {
  const { page, errors } = await open(t, { width: 360, height: 800 }, 3);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const report = await canvasReport(page);
  for (const r of report) {
    assert.ok(r.cssWidth <= 360, `${r.view} canvas ${r.cssWidth}px wide`);
    assert.equal(r.width, Math.round(r.cssWidth * 3));
    assert.ok(r.counts.region > 300, `${r.view}: region colour drawn`);
  }
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(OUT, 'demo-360.png'), fullPage: true });
});

test('playground: errors name the field as you type, and the embed snippet works on another page', async (t) => {
  const { ctx, page, errors } = await open(t, { width: 1100, height: 1000 }, 1);
  await load(page, `${site.base}/playground.html`);
  const good = await page.textContent('#status');
  assert.match(good, /有效/);
  const text = await page.inputValue('#data');
  await page.fill('#data', text.replace('"rate": 48.6', '"rate": 148.6'));
  await page.waitForFunction(() => document.querySelector('#status').classList.contains('bad'));
  assert.match(await page.textContent('#status'), /years\[0\]\.tiers\[1\]\.rate：应为 0 到 100 之间的百分数，实际为 148\.6/);
  // The chart keeps its last valid data.
  const titleText = await page.$eval('#chart', (d) => d.shadowRoot.querySelector('.title').textContent);
  assert.equal(titleText, '运城市2019年高考本科达线情况');
  await page.click('[data-sample="./data/yuncheng-2019.csv"]');
  await page.waitForFunction(() => document.querySelector('#status').classList.contains('good'));
  await page.selectOption('#view', 'change');
  // The script comes from the published package on a CDN unless the editor says otherwise.
  const cdn = `https://cdn.jsdelivr.net/npm/passrate-chart@${VERSION}/pkg/passrate-chart.js`;
  assert.equal(await page.inputValue('#script-url'), cdn);
  assert.ok((await page.inputValue('#snippet')).startsWith(`<script type="module" src="${cdn}"></script>`));
  // Here, the local server's; the playground remembers it.
  await page.fill('#script-url', `${site.base}/pkg/passrate-chart.js`);
  await load(page, `${site.base}/playground.html`);
  assert.equal(await page.inputValue('#script-url'), `${site.base}/pkg/passrate-chart.js`);
  await page.click('[data-sample="./data/yuncheng-2019.csv"]');
  await page.waitForFunction(() => document.querySelector('#snippet').value.includes('text/csv'));
  await page.selectOption('#view', 'change');
  const snippet = await page.inputValue('#snippet');
  assert.ok(snippet.startsWith(`<script type="module" src="${site.base}/pkg/passrate-chart.js"></script>`), snippet.slice(0, 200));
  assert.match(snippet, /<passrate-chart view="change" lang="zh-CN" theme="light">/);
  assert.match(snippet, /<script type="text\/csv">/);
  // Paste the snippet into a blank page, as an editor would into a CMS.
  const other = await ctx.newPage();
  await other.setContent(`<!doctype html><meta charset="utf-8"><body>${snippet}</body>`);
  await other.waitForFunction(() => document.querySelector('passrate-chart')?.chart?.points?.length > 0, null, { timeout: 30000 });
  const series = await other.$eval('passrate-chart', (h) => h.chart.points.map((p) => p.series));
  assert.ok(series.includes('previous'), `change view from the snippet: ${series}`);

  // The iframe needs the data's URL; embed.html defaults to the one beside the playground.
  assert.equal(await page.inputValue('#embed-url'), `${site.base}/embed.html`);
  assert.equal(await page.inputValue('#iframe-snippet'), '');
  assert.match(await page.textContent('#iframe-status'), /数据地址/);
  await page.fill('#data-url', 'javascript:alert(1)');
  assert.equal(await page.inputValue('#iframe-snippet'), '', 'a javascript: data URL is refused');
  await page.fill('#data-url', 'data/yuncheng-2019.json');
  const iframe = await page.inputValue('#iframe-snippet');
  assert.match(iframe, /^<iframe data-passrate-chart title="运城市2019年高考本科达线情况" width="100%" height="540"/);
  assert.ok(iframe.includes(`src="${site.base}/embed.html?src=data%2Fyuncheng-2019.json&amp;view=change&amp;lang=zh-CN&amp;theme=light&amp;height=540"`), iframe);
  assert.ok(iframe.endsWith(`<script src="${site.base}/embed.js" async></script>`), iframe);
  await other.setContent(`<!doctype html><meta charset="utf-8"><body>${iframe}</body>`);
  const frame = other.frameLocator('iframe[data-passrate-chart]');
  await frame.locator('body[data-ready="true"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('passrate-chart').evaluate((h) => h.chart.options.view), 'change');
  await other.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 300, null, { timeout: 10000 });

  // Text from the data is escaped in both snippets, and stays text on the page they go to.
  const payload = '"><img src=x onerror="window.__xss=1">';
  const csv = await page.inputValue('#data');
  await page.fill('#data', csv.replace('运城市2019年高考本科达线情况', `"${payload.replaceAll('"', '""')}"`));
  await page.waitForFunction(() => document.querySelector('#iframe-snippet').value.includes('title="&quot;&gt;&lt;img'));
  await other.setContent(`<!doctype html><meta charset="utf-8"><body>${await page.inputValue('#snippet')}${await page.inputValue('#iframe-snippet')}</body>`);
  assert.equal(await other.$eval('iframe', (f) => f.title), payload);
  await other.waitForFunction(() => document.querySelector('passrate-chart')?.chart, null, { timeout: 30000 });
  assert.equal(await other.$eval('passrate-chart', (h) => h.shadowRoot.querySelector('.title').textContent), payload);
  assert.equal(await other.$$eval('img', (i) => i.length), 0);
  assert.equal(await other.evaluate(() => window.__xss), undefined);
  // CSV cannot escape "</script": no inline snippet, a note instead.
  await page.fill('#data', csv.replace('运城市2019年高考本科达线情况', '</script><b>x</b>'));
  await page.waitForFunction(() => document.querySelector('#snippet').value.startsWith('<!--'));
  assert.ok(!(await page.inputValue('#snippet')).includes('<passrate-chart'));
  assert.deepEqual(errors, []);
});

test('demo page: the theme and language switches restyle and retranslate the charts live', async (t) => {
  const { page, errors } = await open(t, { width: 1000, height: 1200 }, 1);
  const state = () => page.$$eval('passrate-chart', (hosts) => hosts.map((h) => {
    const c = h.shadowRoot.querySelector('canvas');
    const px = [...c.getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3);
    return { px, tab: h.shadowRoot.querySelector('[role=tab]').textContent, table: h.shadowRoot.querySelector('.actions button').textContent };
  }));
  const before = await state();
  assert.ok(before.every((s) => s.px.every((v) => v > 240)), `light canvases: ${JSON.stringify(before)}`);
  await page.click('#theme-toggle');
  await page.waitForFunction(() => [...document.querySelectorAll('passrate-chart')].every((h) => {
    const d = h.shadowRoot.querySelector('canvas').getContext('2d').getImageData(2, 2, 1, 1).data;
    return d[0] < 60;
  }));
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.querySelector('passrate-chart').shadowRoot.querySelector('[role=tab]').textContent.startsWith('Compared'));
  const after = await state();
  assert.ok(after.every((s) => s.px.every((v) => v < 60)), `dark canvases: ${JSON.stringify(after)}`);
  assert.deepEqual(after.map((s) => s.table), ['View data', 'View data', 'View data', 'View data']);
  assert.equal(after[0].tab, 'Compared with 山西省');
  await page.screenshot({ path: join(OUT, 'demo-dark-en.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

// The playground's paste mode (粘贴原文) in headless Chromium: a report's text goes through the
// extractor of the authoring wasm (loaded only when the mode opens, never by a reader's page);
// the used numbers are marked with their exact spans, the numbers left out are marked and
// listed with their reasons, the extracted JSON fills the data editor and draws the chart
// (with the report's own contradiction as a footnote), edits redraw it, and the snippet copies
// and works on another page. Saves target/screenshots/playground-paste.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { site } from '../../scripts/build.mjs';
import { ROOT, canvasState, serveFor, useServer, waitReady } from './helpers.mjs';

const OUT = join(ROOT, 'target', 'screenshots');
const REPORTS = join(ROOT, 'tests', 'fixtures', 'reports');
const report = (name) => readFileSync(join(REPORTS, name), 'utf8');
const site_ = useServer(join(ROOT, 'www'));
const VIEWPORT = { viewport: { width: 1100, height: 1000 }, deviceScaleFactor: 1 };

/** Opens the playground, recording every request for the authoring files. */
async function playground(t, path = '/playground.html', options = {}) {
  const authoring = [];
  const opened = await site_.open(t, path, { ...VIEWPORT, ...options }, {
    onPage: (page) => page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/authoring/')) authoring.push(new URL(r.url()).pathname);
    }),
  });
  return { ...opened, authoring };
}

/** Pastes `text` into the report box and waits for the extractor's verdict. */
async function paste(page, text) {
  await page.evaluate(() => { document.querySelector('#report-status').className = 'status'; });
  await page.fill('#report', text);
  await page.waitForFunction(() => /\b(good|bad)\b/.test(document.querySelector('#report-status').className), null, { timeout: 30000 });
}

/** The marks of the marked text: kind, text, title, and where the text starts in the source. */
const marks = (page) => page.$$eval('#marked mark', (ms) => ms.map((m) => {
  let at = 0;
  for (let n = m.parentNode.firstChild; n !== m; n = n.nextSibling) at += n.textContent.length;
  return { kind: m.className, text: m.textContent, title: m.title, at };
}));

/** The list of numbers not used, as shown. */
const ignoredItems = (page) => page.$$eval('#ignored li', (lis) => lis.map((li) => ({
  num: li.querySelector('.num')?.textContent, reason: li.querySelector('.reason')?.textContent,
  visible: li.checkVisibility(), text: li.innerText,
})));

const notes = (page) => page.$eval('#chart', (d) => [...d.shadowRoot.querySelectorAll('figure > ol.notes li')].map((li) => li.textContent));

test('paste mode: a Chinese report marked, extracted, drawn, edited and embedded', async (t) => {
  const { ctx, page, errors, authoring } = await playground(t);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site_.base });
  assert.deepEqual(authoring, [], 'the playground does not load the extractor before paste mode opens');
  assert.equal(await page.isVisible('#paste'), false);

  await page.click('#paste-toggle');
  assert.equal(await page.getAttribute('#paste-toggle', 'aria-expanded'), 'true');
  const text = report('yuncheng-2019.txt');
  await paste(page, text);
  assert.match(await page.textContent('#report-status'), /采用了 12 个数字，未采用 3 个/);
  assert.ok(authoring.some((p) => p.endsWith('.wasm')), `the authoring wasm loads when the mode opens: ${authoring}`);

  // The source is intact, and only text: the marks are the extractor's spans, character for character.
  assert.equal(await page.$eval('#marked', (m) => m.textContent), text);
  const all = await marks(page);
  for (const m of all) assert.equal(text.slice(m.at, m.at + m.text.length), m.text, `mark at ${m.at}`);
  const used = all.filter((m) => m.kind === 'used');
  const ignored = all.filter((m) => m.kind === 'ignored');
  const rate = used.find((m) => m.text === '15.5%');
  assert.ok(rate, `15.5% is marked used: ${used.map((m) => m.text)}`);
  assert.equal(rate.at, text.indexOf('达线率为15.5%') + '达线率为'.length);
  assert.equal(rate.title, '已采用：2019年 一本线 达线率');
  for (const n of ['36192人', '5872人', '0.7个百分点', '0.4个百分点', '17579人', '48.6%', '3.4个百分点', '1.7个百分点']) {
    assert.ok(used.some((m) => m.text === n), `${n} is marked used`);
  }
  assert.deepEqual(ignored.map((m) => m.text), ['14所', '3名', '2人']);
  assert.equal(ignored[0].at, text.indexOf('14所'));
  assert.equal(ignored[0].title, '未采用：学校的数量，不是达线数据');
  // The date line dates the source: used, and said so.
  const date = used.find((m) => m.text === '2019年8月14日');
  assert.equal(date?.title, '已采用：数据来源的日期');
  // The reasons are on the page, not only in a tooltip.
  const items = await ignoredItems(page);
  assert.equal(items.length, 3);
  assert.deepEqual(items[0], { ...items[0], num: '14所', reason: '学校的数量，不是达线数据', visible: true });

  // The chart draws from the extracted dataset, with the report's contradiction as a footnote.
  await page.waitForFunction(() => document.querySelector('#data').value.includes('达线率为15.5%'));
  // The title is neutral (area, year, subject); the release's headline is offered beside it.
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('.title')?.textContent === '运城市2019年高考本科达线情况');
  assert.equal(await page.textContent('#headline-text'), '运城市2019年高考成绩揭晓 本科达线人数再创新高');
  await page.click('#use-headline');
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('.title')?.textContent.includes('运城市2019年高考成绩揭晓'));
  const drawn = await canvasState(page, '#chart', { tol: 3 });
  assert.ok(drawn.counts.region > 2000, `region bars drawn (${drawn.counts.region} px)`);
  assert.ok(drawn.counts.reference > 500, `reference bars drawn (${drawn.counts.reference} px)`);
  const footnotes = await notes(page);
  assert.equal(footnotes.length, 1, footnotes.join('\n'));
  assert.match(footnotes[0], /5,872 ÷ 36,192 = 16\.2%/);
  assert.match(footnotes[0], /15\.5%/);
  assert.match(await page.textContent('#status'), /有效/);

  // The data editor holds the dataset as the extractor wrote it, quotes and all.
  const json = await page.inputValue('#data');
  const ds = JSON.parse(json);
  assert.equal(ds.years[0].tiers[0].rate, 15.5);
  assert.equal(ds.years[0].tiers[0].quotes.rate, '达线率为15.5%');
  assert.ok(json.includes('"passed":5872'), json);
  await page.screenshot({ path: join(OUT, 'playground-paste.png'), fullPage: true, animations: 'disabled' });

  // Correcting the count in the editor redraws the chart, and the contradiction is gone.
  await page.fill('#data', json.replace('"passed":5872', '"passed":5610'));
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelectorAll('figure > ol.notes li').length === 0, null, { timeout: 5000 });
  const redrawn = await canvasState(page, '#chart', { tol: 3 });
  assert.ok(redrawn.drawn > drawn.drawn, `redrawn (${drawn.drawn} → ${redrawn.drawn})`);
  assert.notEqual(redrawn.hash, drawn.hash, 'the canvas changed');
  assert.ok(redrawn.counts.region > 2000);

  // The snippet carries the edited data; copied, it draws the same chart on another page.
  await page.fill('#script-url', `${site_.base}/pkg/passrate-chart.js`);
  await page.waitForFunction(() => document.querySelector('#snippet').value.includes('"passed":5610'));
  await page.click('[data-copy="snippet"]');
  await page.waitForFunction(() => document.querySelector('[data-copy="snippet"]').textContent === '已复制');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.inputValue('#snippet'));
  assert.ok(copied.startsWith(`<script type="module" src="${site_.base}/pkg/passrate-chart.js"></script>`), copied.slice(0, 200));
  assert.match(copied, /<script type="application\/json">/);
  const other = await ctx.newPage();
  await other.setContent(`<!doctype html><meta charset="utf-8"><body>${copied}</body>`);
  await other.waitForFunction(() => document.querySelector('passrate-chart')?.chart?.points?.length > 0, null, { timeout: 30000 });
  assert.equal(await other.$eval('passrate-chart', (h) => h.shadowRoot.querySelector('.title').textContent), '运城市2019年高考成绩揭晓 本科达线人数再创新高');
  const there = await canvasState(other, 'passrate-chart', { tol: 3 });
  assert.ok(there.counts.region > 2000, `the copied snippet draws (${there.counts.region} px)`);
  assert.deepEqual(errors, []);
});

test('paste mode: an English report, and the language switch rewrites the reasons but keeps the edited data', async (t) => {
  const { page, errors } = await playground(t, '/playground.html#paste');
  assert.equal(await page.isVisible('#paste'), true, '#paste opens the mode');
  await page.selectOption('#lang', 'en');
  const text = report('datong-2020-en.txt');
  await paste(page, text);
  assert.match(await page.textContent('#report-status'), /^12 numbers used, 3 not used/);
  const all = await marks(page);
  const rate = all.find((m) => m.text === '14.3%');
  assert.equal(rate?.kind, 'used');
  assert.equal(rate.at, text.indexOf('14.3%'));
  assert.equal(rate.title, 'Used: 2020 Tier 1 pass rate');
  const items = await ignoredItems(page);
  assert.deepEqual(items.map((i) => [i.num, i.reason]), [
    ['45 million', 'an amount of money, not a pass figure'],
    ['12 schools', 'a number of schools, not a pass figure'],
    ['June 2021', 'a date, not a pass figure'],
  ]);
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('.title')?.textContent === 'Datong: 2020 gaokao undergraduate pass rates');
  assert.equal(await page.textContent('#headline-text'), 'Datong posts higher gaokao pass rates');

  const edited = (await page.inputValue('#data')).replace('"Datong: 2020 gaokao undergraduate pass rates"', '"Datong: pass rates 2020"');
  await page.fill('#data', edited);
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('.title')?.textContent === 'Datong: pass rates 2020');
  await page.selectOption('#lang', 'zh-CN');
  await page.waitForFunction(() => document.querySelector('#ignored .reason')?.textContent === '金额，不是达线数据');
  assert.equal((await marks(page)).find((m) => m.text === '14.3%').title, '已采用：2020年 一本线 达线率');
  assert.equal(await page.inputValue('#data'), edited, 'the language switch leaves the edited data alone');
  assert.deepEqual(errors, []);
});

test('paste mode: a province-wide release goes to the cities view; a text without its year asks for it', async (t) => {
  const { page, errors } = await playground(t, '/playground.html#paste');
  // Sentences written for this test, in the style of a province's release.
  const province = '测试省2022年高考本科一批达线情况\n来源：测试省教育考试院\n\n'
    + '2022年，全省本科一批达线率为15.0%。分市看，甲城市达线率为18.2%，乙城市为13.4%，丙城市为16.1%，丁城市为12.7%。';
  await paste(page, province);
  assert.match(await page.textContent('#report-status'), /全省各市/);
  await page.waitForFunction(() => document.querySelector('#view').value === 'cities');
  const ds = JSON.parse(await page.inputValue('#data'));
  assert.deepEqual(ds.regions.map((r) => r.region), ['甲城市', '乙城市', '丙城市', '丁城市']);
  assert.equal(ds.source.name, '测试省教育考试院');
  assert.equal(await page.isVisible('#report-year-row'), false);

  // No year anywhere: nothing is dated by guess; the year is asked for beside the text.
  const before = await page.inputValue('#data');
  await paste(page, '今年我市高考参考人数为9214人，本科上线5573人，本科上线率为60.5%，较去年提高3.2个百分点。');
  assert.match(await page.textContent('#report-status'), /原文没有写明年份/);
  assert.equal(await page.isVisible('#report-year-row'), true);
  assert.equal(await page.inputValue('#data'), before, 'the data box is unchanged');
  await page.evaluate(() => { document.querySelector('#report-status').className = 'status'; });
  await page.fill('#report-year', '2024');
  await page.waitForFunction(() => document.querySelector('#report-status').classList.contains('good'), null, { timeout: 30000 });
  const dated = JSON.parse(await page.inputValue('#data'));
  assert.equal(dated.years[0].year, 2024);
  assert.equal(dated.years[0].candidates, 9214);
  assert.deepEqual(errors, []);
});

test('paste mode: numbers keep the decimals they were written with (16.0 stays 16.0)', async (t) => {
  const { page, errors } = await playground(t, '/playground.html#paste');
  await paste(page, report('jinzhong-2022-years.txt'));
  await page.waitForFunction(() => document.querySelector('#data').value.includes('晋中市'));
  const json = await page.inputValue('#data');
  assert.ok(json.includes('"rate":16.0'), json);
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('.title')?.textContent.startsWith('晋中市'));
  const table = await page.$eval('#chart', (d) => {
    d.shadowRoot.querySelector('.actions button[aria-expanded]').click(); // the table is built when opened
    return d.shadowRoot.querySelector('table')?.textContent ?? '';
  });
  assert.match(table, /16\.0%/);
  assert.deepEqual(errors, []);
});

test('paste mode: a text without pass figures leaves the data alone; markup in the text stays text', async (t) => {
  const { page, errors } = await playground(t, '/playground.html#paste');
  const before = await page.inputValue('#data');
  await paste(page, report('meeting-2024-nothing.txt'));
  assert.match(await page.textContent('#report-status'), /没能提取数据：没有找到任何批次的达线数据。数据框未改动。/);
  assert.equal(await page.$eval('#report-status', (s) => s.className), 'status bad');
  assert.equal(await page.inputValue('#data'), before);
  assert.ok((await ignoredItems(page)).some((i) => i.num === '23个' && i.visible));

  // An emoji and a CJK Extension B character (two UTF-16 units each) before the numbers.
  const hostile = `📊 <img src=x onerror="window.__xss=1"><b>运城市</b>𠮷2019年高考参考人数为36192人。一本达线5872人，达线率为15.5%。`;
  await paste(page, hostile);
  assert.equal(await page.$eval('#marked', (m) => m.textContent), hostile);
  assert.equal(await page.$$eval('#paste img, #paste b', (e) => e.length), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  const rate = (await marks(page)).find((m) => m.text === '15.5%');
  assert.equal(rate?.kind, 'used');
  assert.equal(rate.at, hostile.indexOf('15.5%'), 'offsets in UTF-16 units, as JavaScript counts');
  assert.deepEqual(errors, []);
});

test('a reader\'s page never loads the authoring files; dist/ carries them for the playground', async (t) => {
  const { page, authoring, errors } = await playground(t, '/');
  await page.waitForFunction(() => document.querySelectorAll('passrate-chart').length > 0);
  assert.deepEqual(authoring, []);
  assert.deepEqual(errors, []);

  const dist = site();
  const host = mkdtempSync(join(tmpdir(), 'passrate-dist-'));
  mkdirSync(join(host, 'news', 'tools'), { recursive: true });
  cpSync(dist, join(host, 'news', 'tools'), { recursive: true });
  const served = await serveFor(t, host);
  const opened = await served.open(t, '/news/tools/playground.html#paste', VIEWPORT);
  await opened.page.click('[data-report-sample]');
  await opened.page.waitForFunction(() => document.querySelector('#report-status').classList.contains('good'), null, { timeout: 30000 });
  assert.ok((await marks(opened.page)).some((m) => m.kind === 'used' && m.text === '15.5%'));
  assert.deepEqual(opened.errors, []);
});

test('paste mode fits a narrow window', async (t) => {
  const { page, errors } = await playground(t, '/playground.html#paste', { viewport: { width: 400, height: 900 } });
  await page.click('[data-report-sample]');
  await page.waitForFunction(() => document.querySelector('#report-status').classList.contains('good'), null, { timeout: 30000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.reload(); // the mode stays open
  await waitReady(page);
  assert.equal(await page.isVisible('#paste'), true);
  assert.deepEqual(errors, []);
});

mkdirSync(OUT, { recursive: true });

test('playground: every view and the highlighted city, in the preview and in both snippets', async (t) => {
  const { page, errors } = await playground(t);
  // The seed has one region: the cities view is refused with a reason, and the select stays.
  await page.selectOption('#view', 'cities');
  assert.match(await page.textContent('#status'), /全省各市需要两个或以上地区的数据/);
  assert.equal(await page.inputValue('#view'), 'compare');
  await page.click('[data-sample="./data/example-cities.csv"]');
  await page.waitForFunction(() => document.querySelector('#status').textContent === '数据有效。');
  await page.selectOption('#view', 'cities');
  await page.fill('#highlight', '丙市');
  await page.dispatchEvent('#highlight', 'change');
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('[role=tab][aria-selected=true]')?.textContent === '全省各市');
  assert.match(await page.inputValue('#snippet'), /<passrate-chart view="cities" lang="zh-CN" theme="light" highlight="丙市">/);
  const legend = await page.$eval('#chart', (h) => h.shadowRoot.querySelector('.legend').textContent);
  assert.match(legend, /丙市/, 'the highlighted city names the legend');
  await page.fill('#highlight', '不存在市');
  await page.dispatchEvent('#highlight', 'change');
  assert.match(await page.textContent('#status'), /数据中没有“不存在市”/);
  assert.deepEqual(errors, []);
});

// The cities view (全省各市) in headless Chromium, on www/data/example-cities.csv (an invented
// province, 示例省, and its 11 cities 甲市…子市) and tests/fixtures/cities-30.csv (thirty areas,
// some with long names): the highlighted city in the region colour and the others grey on
// the canvas, the view's tab, the points from the keyboard in rank order, tooltips with the
// rank, the data table, the summary, a highlight changed at runtime or unknown, axe-core,
// long names shortened on the canvas but whole in the tooltip, and no horizontal overflow
// from 320 to 1200 px. Saves target/screenshots/cities-tooltip.png (375 px, tooltip open).
//
//   node --test --test-concurrency=1 tests/e2e/cities.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  COUNTED, PAGES, PALETTE, ROOT, axe, canvasState, formatViolations, gapX, gapY, inside, useServer, waitDrawnAbove, waitTip,
  widgetState,
} from './helpers.mjs';

const { open } = useServer();
const OUT = join(ROOT, 'target', 'screenshots');

/** tests/e2e/pages/cities.html with `query` as the element's attributes ('' removes one). */
const at = (query = {}) => `${PAGES}/cities.html?${new URLSearchParams(query)}`;

// ─── what www/data/example-cities.csv says, in the order the chart ranks it ──────────────────
// By rate, highest first; ties share a rank ("3=") and are ordered by the name the data writes
// first, in Unicode order, in either language (the standing decision, src/layout/cities.rs):
// 丁市 (U+4E01) before 丙市 (U+4E19) at 3= in tier 1, 壬市 (U+58EC) before 庚市 (U+5E9A) at 7= in tier 2.
// [name, English name, rate, rank]
const TIER1 = [
  ['甲市', 'City A', '18.4%', '1'], ['乙市', 'City B', '16.9%', '2'], ['丁市', 'City D', '16.2%', '3='],
  ['丙市', 'City C', '16.2%', '3='], ['戊市', 'City E', '15.3%', '5'], ['己市', 'City F', '15.0%', '6'],
  ['庚市', 'City G', '14.6%', '7'], ['辛市', 'City H', '13.9%', '8'], ['壬市', 'City I', '13.2%', '9'],
  ['癸市', 'City J', '12.7%', '10'], ['子市', 'City K', '11.8%', '11'],
];
const TIER2 = [
  ['甲市', 'City A', '52.3%', '1'], ['乙市', 'City B', '49.8%', '2'], ['丙市', 'City C', '48.1%', '3'],
  ['丁市', 'City D', '47.4%', '4'], ['戊市', 'City E', '46.6%', '5'], ['己市', 'City F', '46.0%', '6'],
  ['壬市', 'City I', '45.2%', '7='], ['庚市', 'City G', '45.2%', '7='], ['辛市', 'City H', '44.1%', '9'],
  ['癸市', 'City J', '41.9%', '10'], ['子市', 'City K', '40.6%', '11'],
];
const PROVINCE = { 0: '15.0%', 1: '46.0%' };
const TIERS = ['一本线', '二本线'];

/** The tooltip's rank line for rank "3=" or "5" of 11. */
const rankLine = (rank, lang = 'zh-CN') => {
  const n = Number.parseInt(rank, 10);
  const tied = rank.endsWith('=');
  if (lang === 'en') {
    const th = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
    return `${tied ? 'joint ' : ''}${n}${th} of 11`;
  }
  return `${tied ? '并列' : '排'}第${n}（共11个）`;
};

/** The area a point is about: "一本线 · 丙市 · 2024年" → "丙市". */
const areaOf = (p) => p.heading.split(' · ')[1];

/** The point of `area` in tier `tier` (0: 一本线). */
function pointOf(points, area, tier) {
  const p = points.find((q) => q.tier === tier && areaOf(q) === area);
  assert.ok(p, `a point for ${area} in tier ${tier}: ${points.map((q) => q.heading).join(' | ')}`);
  return p;
}

/** Whether `rgb` is within `tol` per channel of `want`. */
const near = (rgb, want, tol = 8) => rgb.every((v, i) => Math.abs(v - want[i]) <= tol);

/**
 * For each point's drawn mark: the canvas pixel at its centre, and how many pixels inside it
 * (1 CSS px in from its edges) are within `tol` of each of `colours`, out of `total`.
 */
function markPixels(page, points, colours, tol = 8) {
  return page.$eval('#chart', (host, [marks, colours, tol]) => {
    const c = host.shadowRoot.querySelector('canvas');
    const s = c.width / c.getBoundingClientRect().width;
    const ctx = c.getContext('2d');
    return marks.map((m) => {
      const x0 = Math.round((m.x + 1) * s);
      const y0 = Math.round((m.y + 1) * s);
      const w = Math.max(1, Math.round((m.w - 2) * s));
      const h = Math.max(1, Math.round((m.h - 2) * s));
      const { data } = ctx.getImageData(x0, y0, w, h);
      const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
      for (let i = 0; i < data.length; i += 4) {
        for (const [k, rgb] of Object.entries(colours)) {
          if (rgb.every((v, j) => Math.abs(data[i + j] - v) <= tol)) counts[k]++;
        }
      }
      const centre = [...ctx.getImageData(Math.floor((m.x + m.w / 2) * s), Math.floor((m.y + m.h / 2) * s), 1, 1).data].slice(0, 3);
      return { counts, total: w * h, centre };
    });
  }, [points.map((p) => p.mark), colours, tol]);
}

/** The tab labels and which one is selected. */
const tabsOf = (page) => page.$eval('#chart', (h) => [...h.shadowRoot.querySelectorAll('[role=tab]')]
  .map((b) => ({ view: b.dataset.view, label: b.textContent, selected: b.getAttribute('aria-selected') })));

/** The screen-reader summary (the paragraph after the points). */
const summaryOf = (page) => page.$eval('#chart', (h) => h.shadowRoot.querySelector('[id$=-summary]').textContent);

/** The cities' bars, as the region colour (`strong`) or the grey (`quiet`) would draw them. */
async function checkBars(page, palette, highlighted) {
  const { points } = await widgetState(page);
  const cities = points.filter((p) => p.series === 'region');
  assert.equal(cities.length, 22, `11 cities × 2 tiers: ${points.map((p) => p.heading).join(' | ')}`);
  const px = await markPixels(page, cities, { region: palette.region, previous: palette.previous });
  cities.forEach((p, i) => {
    const { counts, total, centre } = px[i];
    const strong = !highlighted || areaOf(p) === highlighted;
    const [want, other] = strong ? ['region', 'previous'] : ['previous', 'region'];
    const what = `${p.heading} (${strong ? 'region colour' : 'grey'}; centre ${centre}, ${JSON.stringify(counts)} of ${total})`;
    // A derived rate (壬市's, from its counts) is hatched: stripes of the colour on the background.
    const hatched = p.lines.some((l) => l.startsWith('推算') || l.startsWith('derived'));
    if (!hatched) {
      assert.ok(near(centre, palette[want]), `the centre of ${what}`);
      assert.ok(counts[want] >= 0.8 * total, `a solid bar: ${what}`);
    } else {
      assert.ok(counts[want] >= 0.15 * total, `hatched in its colour: ${what}`);
    }
    assert.equal(counts[other], 0, `none of the other colour in ${what}`);
  });
  return { points, cities, px };
}

// ─── 1. pixels ───────────────────────────────────────────────────────────────────────────────
test('pixels: highlight="丙市" draws 丙市\'s bars in the region colour and every other city grey; the province a dashed line at its rate', async (t) => {
  const { page, errors } = await open(t, at());
  const { points, cities, px } = await checkBars(page, PALETTE.light, '丙市');
  // Spelled out, as a reader sees it: 丙市 orange, its tie partner 丁市 grey, in both tiers.
  for (const tier of [0, 1]) {
    assert.deepEqual(px[cities.indexOf(pointOf(points, '丙市', tier))].centre, PALETTE.light.region, `丙市 ${TIERS[tier]}`);
    assert.deepEqual(px[cities.indexOf(pointOf(points, '丁市', tier))].centre, PALETTE.light.previous, `丁市 ${TIERS[tier]}`);
  }

  // The province: a dashed vertical line (the reference colour with gaps) where 己市's bar,
  // at the province's own rate in both tiers, ends.
  for (const tier of [0, 1]) {
    const ref = points.find((p) => p.series === 'reference' && p.tier === tier);
    assert.ok(ref, `a province point in ${TIERS[tier]}`);
    assert.equal(ref.value, PROVINCE[tier]);
    assert.ok(ref.mark.h > 5 * ref.mark.w, `the province's mark is a vertical line: ${JSON.stringify(ref.mark)}`);
    // Row by row down the line's box (and a pixel either side): is the line's colour there?
    const on = await page.$eval('#chart', (host, [m, want]) => {
      const c = host.shadowRoot.querySelector('canvas');
      const s = c.width / c.getBoundingClientRect().width;
      const x0 = Math.floor((m.x - 1) * s);
      const w = Math.ceil((m.w + 2) * s);
      const { data } = c.getContext('2d').getImageData(x0, Math.round(m.y * s), w, Math.round(m.h * s));
      const rows = [];
      for (let y = 0; y < data.length / 4 / w; y++) {
        let hit = false;
        for (let x = 0; x < w; x++) {
          const i = (y * w + x) * 4;
          hit ||= want.every((v, j) => Math.abs(data[i + j] - v) <= 12);
        }
        rows.push(hit);
      }
      return rows;
    }, [ref.mark, PALETTE.light.reference]);
    const share = on.filter(Boolean).length / on.length;
    const dashes = on.filter((v, i) => v && !on[i - 1]).length;
    assert.ok(share > 0.3 && share < 0.9, `the line is dashed: ${(share * 100).toFixed(0)}% of its column in the reference colour`);
    assert.ok(dashes >= 10, `${dashes} dashes down the line`);
    const level = pointOf(points, '己市', tier);
    const lineX = ref.mark.x + ref.mark.w / 2;
    assert.ok(Math.abs(level.mark.x + level.mark.w - lineX) <= 2,
      `the line (x ${lineX}) is where 己市's bar at ${level.value} ends (x ${level.mark.x + level.mark.w})`);
  }
  assert.deepEqual(errors, []);
});

test('pixels: without a highlight every city\'s bar is the region colour', async (t) => {
  const { page, errors } = await open(t, at({ highlight: '' }));
  assert.equal(await page.$eval('#chart', (h) => h.hasAttribute('highlight')), false);
  await checkBars(page, PALETTE.light, null);
  assert.deepEqual(errors, []);
});

test('pixels: theme="dark" draws the highlighted city and the others in the dark palette', async (t) => {
  const { page, errors } = await open(t, at({ theme: 'dark' }));
  await checkBars(page, PALETTE.dark, '丙市');
  const light = (await canvasState(page, '#chart', { colours: PALETTE.light, tol: 2 })).counts;
  assert.equal(light.region, 0, `no light-theme region colour in the dark theme: ${JSON.stringify(light)}`);
  assert.deepEqual(errors, []);
});

// ─── 2. the view's tab ───────────────────────────────────────────────────────────────────────
test('tabs: 全省各市 is offered for data with two or more regions, not for the one-region seed', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  assert.deepEqual((await tabsOf(page)).map((b) => b.label), ['对比山西省', '同比变化'], 'yuncheng-2019.json: no cities tab');
  assert.deepEqual(await page.$eval('#chart', (h) => h.chart.views), ['compare', 'change']);

  const cities = await open(t, at({ view: 'compare' }));
  assert.deepEqual(await tabsOf(cities.page), [
    { view: 'compare', label: '对比示例省', selected: 'true' },
    { view: 'change', label: '同比变化', selected: 'false' },
    { view: 'cities', label: '全省各市', selected: 'false' },
  ]);
  const en = await open(t, at({ lang: 'en' }));
  assert.deepEqual((await tabsOf(en.page)).map((b) => [b.label, b.selected]),
    [['Compared with Example Province', 'false'], ['Change on the year', 'false'], ['Cities', 'true']]);
  assert.deepEqual([...errors, ...cities.errors, ...en.errors], []);
});

/** Whether the widget shows the cities view: the tab selected, ranked points, a new drawing. */
async function expectCities(page, before) {
  await waitDrawnAbove(page, before.drawn);
  const tabs = await tabsOf(page);
  assert.deepEqual(tabs.filter((b) => b.selected === 'true').map((b) => b.view), ['cities'], JSON.stringify(tabs));
  assert.equal(await page.$eval('#chart', (h) => h.chart.options.view), 'cities');
  const { points } = await widgetState(page);
  assert.equal(points.filter((p) => p.series === 'region').length, 22, 'every city ranked in both tiers');
  assert.deepEqual(pointOf(points, '丙市', 0).lines[0], rankLine('3='));
  const after = await canvasState(page);
  assert.notEqual(after.hash, before.hash, 'a new drawing');
  return after;
}

// These two fail with the widget as of this file's commit: Chart.setView (js/src/chart.js)
// accepts only "compare", "change" and "trend", so the 全省各市 tab throws
// 'view: expected "compare", "change" or "trend", got "cities"' and the view stays put.
test('tabs: a click on 全省各市 switches from the comparison to the cities view', async (t) => {
  const { page, errors } = await open(t, at({ view: 'compare' }));
  const before = await canvasState(page);
  await page.locator('#chart [role=tab][data-view="cities"]').click();
  await page.waitForTimeout(100);
  assert.deepEqual(errors, [], 'no error on clicking the tab');
  await expectCities(page, before);
  assert.equal(await page.$eval('#chart', (h) => h.shadowRoot.activeElement?.dataset.view), 'cities', 'focus stays on the tab');
});

test('tabs: the arrow keys and End on the tab list reach 全省各市', async (t) => {
  const { page, errors } = await open(t, at({ view: 'compare' }));
  const before = await canvasState(page);
  await page.$eval('#chart', (h) => h.shadowRoot.querySelector('[role=tab][aria-selected=true]').focus());
  await page.keyboard.press('End');
  await page.waitForTimeout(100);
  assert.deepEqual(errors, [], 'no error on End');
  const cities = await expectCities(page, before);
  assert.equal(await page.$eval('#chart', (h) => h.shadowRoot.activeElement?.dataset.view), 'cities', 'focus moved to the tab');
  await page.keyboard.press('ArrowLeft');
  await waitDrawnAbove(page, cities.drawn);
  assert.equal(await page.$eval('#chart', (h) => h.chart.options.view), 'change');
  const change = await canvasState(page);
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  assert.deepEqual(errors, [], 'no error on ArrowRight');
  await expectCities(page, change);
});

// ─── 3. keyboard ─────────────────────────────────────────────────────────────────────────────
test('keyboard: the listbox steps tier by tier, the cities in rank order then the province\'s line; Home, End, Esc', async (t) => {
  const { page, errors } = await open(t, at(), {}, COUNTED);
  const s0 = await widgetState(page);
  assert.ok(s0.paints >= 1, `the canvas's paints are counted (${s0.paints})`);
  let reached = false;
  for (let n = 0; n < 20 && !reached; n++) {
    await page.keyboard.press('Tab');
    reached = await page.$eval('#chart', (h) => h.shadowRoot.activeElement?.getAttribute('role') === 'option');
  }
  assert.ok(reached, 'Tab reaches the points');

  // Every point, in the order the keyboard meets them.
  const expected = [];
  [TIER1, TIER2].forEach((rows, tier) => {
    for (const [area, , value, rank] of rows) expected.push({ area, value, rank, tier });
    expected.push({ area: '示例省', value: PROVINCE[tier], rank: null, tier });
  });
  assert.equal(s0.points.length, expected.length, '2 × (the province + 11 cities)');

  const expectPoint = async (k) => {
    await page.waitForFunction((k) => document.querySelector('#chart').chart.active === k, k, { timeout: 3000 });
    const st = await widgetState(page);
    const p = st.points[k];
    const e = expected[k];
    const where = `point ${k} (${TIERS[e.tier]} ${e.area})`;
    assert.equal(st.focused, k, `${where} has keyboard focus`);
    assert.equal(st.tipHidden, false, `${where}: tooltip shown`);
    assert.equal(st.tipHeading, `${TIERS[e.tier]} · ${e.area} · 2024年`, where);
    assert.equal(st.tipValue, e.value, where);
    if (e.rank) assert.equal(st.tipLines[0], rankLine(e.rank), `${where}: the rank line`);
    else assert.ok(!st.tipLines.some((l) => /第\d/.test(l)), `${where}: the province has no rank: ${st.tipLines}`);
    assert.equal(st.live, p.spoken, `${where}: the option says the point`);
    assert.ok(st.live.includes(e.area) && st.live.includes(e.value), `${where}: "${st.live}"`);
    // A screen reader hears the rank too, not only the tooltip's sighted readers.
    if (e.rank) assert.ok(st.live.includes(rankLine(e.rank)), `${where}: the rank is spoken: "${st.live}"`);
    assert.equal(st.stageFocusVisible, true, `${where}: focus ring`);
    return st;
  };

  await expectPoint(0);
  for (let k = 1; k < expected.length; k++) {
    await page.keyboard.press(k % 2 ? 'ArrowRight' : 'ArrowDown');
    await expectPoint(k);
  }
  await page.keyboard.press('ArrowRight');
  await expectPoint(expected.length - 1); // stays at the end
  await page.keyboard.press('Home');
  await expectPoint(0);
  await page.keyboard.press('End');
  await expectPoint(expected.length - 1);
  await page.keyboard.press('ArrowUp');
  await expectPoint(expected.length - 2);
  await page.keyboard.press('Home');
  // 甲市, 乙市, 丁市, 丙市: the tie at 3= by name.
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
  const s = await expectPoint(3);
  assert.equal(s.tipHeading, '一本线 · 丙市 · 2024年');
  // The rank, the rate's provenance, then each other figure with its own: the gap to the
  // province's stated rate is computed from two stated rates, so it is derived.
  assert.deepEqual(s.tipLines.slice(0, 4), ['并列第3（共11个）', '原文公布', '与示例省相比 +1.2 个百分点（推算）', '比上年 +0.4 个百分点']);
  assert.match(s.live, /16\.2%（原文公布），并列第3（共11个），与示例省相比 \+1\.2 个百分点（推算），比上年 \+0\.4 个百分点。$/);

  await page.keyboard.press('Escape');
  await waitTip(page, true);
  const closed = await widgetState(page);
  assert.equal(closed.tipHidden, true, 'Esc hides the tooltip');
  assert.equal(closed.focused, 3, 'Esc keeps focus on the point');
  assert.equal(closed.paints, s0.paints, 'keyboard navigation does not redraw');
  assert.deepEqual(errors, []);
});

// A tap near the top of a phone's screen, on a chart whose every spot covers some bar: the
// tooltip opens on screen, next to its bar, not at the widget's far edge.
test('touch on a phone: a tapped city near the top of the screen gets its tooltip on screen, beside its bar', async (t) => {
  const { page, errors } = await open(t, at(), {
    viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  });
  const s0 = await widgetState(page);
  const p = pointOf(s0.points, '丙市', 0);
  // Scroll the page so that the bar sits 16 px below the top of the screen.
  await page.evaluate((y) => window.scrollBy(0, y), s0.canvas.y + p.mark.y - 16);
  const s = await widgetState(page);
  const c = { x: s.canvas.x + p.mark.x + p.mark.w / 2, y: s.canvas.y + p.mark.y + p.mark.h / 2 };
  assert.ok(c.y > 10 && c.y < 40, `the bar near the top: ${c.y}`);
  await page.touchscreen.tap(c.x, c.y);
  await waitTip(page, false);
  const s1 = await widgetState(page);
  assert.equal(s1.tipHeading, '一本线 · 丙市 · 2024年');
  assert.ok(s1.tip.y >= 0 && s1.tip.y + s1.tip.h <= 667, `tooltip on screen: ${JSON.stringify(s1.tip)}`);
  const bar = { x: s1.canvas.x + p.mark.x, y: s1.canvas.y + p.mark.y, w: p.mark.w, h: p.mark.h };
  assert.ok(gapY(s1.tip, bar) <= s1.tip.h, `tooltip ${JSON.stringify(s1.tip)} near its bar ${JSON.stringify(bar)}`);
  assert.deepEqual(errors, []);
});

// ─── 4. pointer ──────────────────────────────────────────────────────────────────────────────
/** Hovers the mark of `p` and returns the widget's state once its tooltip shows. */
async function hover(page, s0, p) {
  // A long chart (30 cities on a phone) reaches below the viewport: bring the bar into view.
  const i = s0.points.indexOf(p);
  await page.$eval('#chart', (h, i) => h.shadowRoot.querySelectorAll('[role=option]')[i].scrollIntoView({ block: 'center' }), i);
  const { canvas } = await widgetState(page);
  const c = { x: canvas.x + p.mark.x + p.mark.w / 2, y: canvas.y + p.mark.y + p.mark.h / 2 };
  await page.mouse.move(c.x - 30, c.y - 30);
  await page.mouse.move(c.x, c.y, { steps: 4 });
  await waitTip(page, false);
  return widgetState(page);
}

for (const [lang, heading, rank] of [
  ['zh-CN', '一本线 · 丙市 · 2024年', '并列第3（共11个）'],
  ['en', 'Tier 1 · City C · 2024', 'joint 3rd of 11'],
]) {
  test(`hover (${lang}): 丙市's bar shows its tooltip with the name, 16.2% and "${rank}"`, async (t) => {
    const { page, errors } = await open(t, at({ lang }), {}, COUNTED);
    const s0 = await widgetState(page);
    assert.ok(s0.paints >= 1, `the canvas's paints are counted (${s0.paints})`);
    const i = s0.points.findIndex((p) => p.heading === heading);
    assert.ok(i >= 0, `a point "${heading}": ${s0.points.map((p) => p.heading).join(' | ')}`);
    const p = s0.points[i];
    const s1 = await hover(page, s0, p);
    assert.equal(s1.active, i, 'the hovered bar is the active point');
    assert.equal(s1.tipHeading, heading);
    assert.equal(s1.tipValue, '16.2%');
    assert.equal(s1.tipLines[0], rank, `the rank line: ${JSON.stringify(s1.tipLines)}`);
    assert.match(s1.tipText, lang === 'en' ? /City C/ : /丙市/);
    assert.equal(s1.hoverHidden, false, 'the hover box is shown');
    assert.ok(inside(s1.tip, s1.figure), `tooltip ${JSON.stringify(s1.tip)} inside the widget ${JSON.stringify(s1.figure)}`);
    const bar = { x: s1.canvas.x + p.mark.x, y: s1.canvas.y + p.mark.y, w: p.mark.w, h: p.mark.h };
    assert.ok(gapX(s1.tip, bar) + gapY(s1.tip, bar) > 0, 'the tooltip does not cover the bar');
    assert.equal(s1.paints, s0.paints, 'hovering does not redraw');
    await page.mouse.move(2, 2, { steps: 3 });
    await waitTip(page, true);
    assert.deepEqual(errors, []);
  });
}

// ─── 5. the data table ───────────────────────────────────────────────────────────────────────
test('data table: 查看数据 lists the 22 city rows with their ranks ("3=", "7=") and the province\'s two rows', async (t) => {
  const { page, errors } = await open(t, at());
  const button = page.locator('#chart .actions button[aria-expanded]');
  assert.equal(await button.textContent(), '查看数据');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const table = await page.$eval('#chart', (h) => {
    const wrap = h.shadowRoot.querySelector('.table-wrap');
    const tb = wrap.querySelector('table');
    return {
      hidden: wrap.hidden,
      height: wrap.getBoundingClientRect().height,
      caption: tb.caption.textContent,
      heads: [...tb.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...tb.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
      // Data enters as text: no element but the cell's own spans (text, 推算 badge, ① marker).
      elements: [...tb.querySelectorAll('tbody td *, tbody th *')].map((e) => e.localName).filter((n) => n !== 'span'),
    };
  });
  assert.equal(table.hidden, false);
  assert.ok(table.height > 300, `the table is shown (${table.height}px)`);
  assert.match(table.caption, /示例省2024年高考各市本科达线率/);
  assert.deepEqual(table.heads, ['地区', '批次', '排名', '达线率', '与示例省相比', '比上年']);
  assert.deepEqual(table.elements, []);
  assert.equal(table.rows.length, 24, '22 city rows and 2 province rows');
  [TIER1, TIER2].forEach((rows, tier) => {
    const got = table.rows.filter((r) => r[1] === TIERS[tier]);
    const want = [...rows.map(([area, , rate, rank]) => [area, rank, rate]), ['示例省', '—', PROVINCE[tier]]];
    // A derived rate carries its 推算 badge after the number.
    assert.deepEqual(got.map((r) => [r[0], r[2], r[3].replace(/推算$/, '')]), want, `${TIERS[tier]}: area, rank, rate`);
  });
  const row = (area, tier) => table.rows.find((r) => r[0] === area && r[1] === TIERS[tier]);
  assert.equal(row('丙市', 0)[2], '3=');
  assert.equal(row('丁市', 0)[2], '3=');
  assert.equal(row('庚市', 1)[2], '7=');
  assert.equal(row('壬市', 0)[3], '13.2%推算', '壬市\'s tier-1 rate is derived from its counts');
  assert.equal(row('癸市', 0)[5], '—', '癸市 has no figure for last year');
  assert.match(row('戊市', 0)[4], /①$/, '戊市\'s contradiction is footnote ①');
  assert.equal(row('丙市', 0)[5], '+0.4 个百分点');
  assert.deepEqual(errors, []);
});

// ─── 6. the summary ──────────────────────────────────────────────────────────────────────────
test('summary: how many cities are above the province, where 丙市 ranks, who rose and fell most (zh-CN and en)', async (t) => {
  const { page, errors } = await open(t, at());
  const zh = await summaryOf(page);
  for (const part of [
    '一本线：11个地区中有5个高于示例省（15.0%），1个与之持平',
    '丙市16.2%，并列第3（共11个）',
    '比上年提高最多的是乙市（+1.2个百分点）',
    '下降最多的是子市（−1.1个百分点）',
    '二本线：11个地区中有5个高于示例省（46.0%）',
    '丙市48.1%，排第3（共11个）',
  ]) assert.ok(zh.includes(part), `the summary says "${part}": ${zh}`);

  const en = await open(t, at({ lang: 'en' }));
  const text = await summaryOf(en.page);
  for (const part of ['Tier 1: 5 of 11 above Example Province (15.0%)', 'City C 16.2%, joint 3rd of 11', 'City C 48.1%, 3rd of 11', 'City K fell most'])
    assert.ok(text.includes(part), `the summary says "${part}": ${text}`);
  assert.deepEqual([...errors, ...en.errors], []);
});

// ─── 7. the highlight changed at runtime ─────────────────────────────────────────────────────
test('highlight at runtime: 甲市 takes the colour; an unknown name is refused, naming the highlight field', async (t) => {
  const { page, errors, pageErrors } = await open(t, at());
  const s0 = await widgetState(page);
  await page.$eval('#chart', (h) => h.setAttribute('highlight', '甲市'));
  await waitDrawnAbove(page, s0.drawn);
  await checkBars(page, PALETTE.light, '甲市');
  const legend = await page.$eval('#chart', (h) => h.shadowRoot.querySelector('.legend').textContent);
  assert.match(legend, /^甲市/, `the legend names the highlighted city first: ${legend}`);
  assert.match(await summaryOf(page), /甲市18\.4%，排第1（共11个）/);
  assert.deepEqual(errors, [], 'no error changing the highlight');

  // An area the data does not have: the element logs the error and keeps the chart as it was
  // (as it does for a bad view or theme attribute); no error box, no event.
  const drawn = (await widgetState(page)).drawn;
  await page.$eval('#chart', (h) => h.setAttribute('highlight', '不存在市'));
  await page.waitForTimeout(200);
  assert.equal(errors.length, 1, `one console error: ${errors}`);
  assert.match(errors[0], /highlight: expected a region of the data, got "不存在市"/);
  assert.deepEqual(pageErrors, [], 'not an uncaught exception');
  const kept = await page.$eval('#chart', (h) => ({
    chart: !!h.chart, highlight: h.chart?.options.highlight, box: !!h.shadowRoot.querySelector('.error'),
    canvas: !!h.shadowRoot.querySelector('canvas'), drawn: Number(h.dataset.drawn),
  }));
  assert.deepEqual(kept, { chart: true, highlight: '甲市', box: false, canvas: true, drawn }, 'the chart stays, 甲市 still highlighted');
  await checkBars(page, PALETTE.light, '甲市');

  // The English name works too, and back to none.
  await page.$eval('#chart', (h) => h.setAttribute('highlight', 'City C'));
  await waitDrawnAbove(page, drawn);
  await checkBars(page, PALETTE.light, '丙市');
  const d2 = (await widgetState(page)).drawn;
  await page.$eval('#chart', (h) => h.removeAttribute('highlight'));
  await waitDrawnAbove(page, d2);
  await checkBars(page, PALETTE.light, null);
  assert.equal(errors.length, 1, `no further errors: ${errors}`);
});

test('highlight: an unknown name on a new element shows the error box and fires `error` naming the highlight field', async (t) => {
  const { page, errors, pageErrors } = await open(t, at({ highlight: '不存在市' }), {}, {
    onPage: (p) => p.addInitScript(() => {
      window.chartErrors = [];
      // The element's `error` event does not bubble: catch it on its way down.
      window.addEventListener('error', (e) => e instanceof CustomEvent && window.chartErrors.push(e.detail?.message), true);
    }),
  });
  const r = await page.evaluate(() => {
    const h = document.querySelector('#chart');
    const box = h.shadowRoot.querySelector('.error');
    return {
      event: h.dataset.event, details: window.chartErrors, chart: h.chart ?? null,
      box: box && { role: box.getAttribute('role'), text: box.textContent },
      canvas: !!h.shadowRoot.querySelector('canvas'),
    };
  });
  assert.equal(r.event, 'error');
  assert.deepEqual(r.details, ['highlight: expected a region of the data, got "不存在市"']);
  assert.deepEqual(r.box, { role: 'alert', text: '这张图表暂时无法显示。' });
  assert.equal(r.chart, null);
  assert.equal(r.canvas, false);
  assert.ok(errors.some((e) => e.includes('highlight: expected a region of the data')), `logged for the editor: ${errors}`);
  assert.deepEqual(pageErrors, []);
});

// ─── 8. axe-core ─────────────────────────────────────────────────────────────────────────────
for (const [name, query] of [['zh-CN, light, table open, tooltip shown', {}], ['en, dark', { lang: 'en', theme: 'dark' }]]) {
  test(`axe-core: the cities view (${name}) has no violations`, async (t) => {
    const { page, errors } = await open(t, at(query));
    if (!query.lang) {
      await page.locator('#chart .actions button[aria-expanded]').click();
      await page.$eval('#chart', (h) => h.shadowRoot.querySelector('[role=option]').focus());
      await page.keyboard.press('ArrowRight');
      await waitTip(page, false);
    }
    const violations = await axe(page);
    assert.equal(violations.length, 0, `axe violations on the cities view:\n${formatViolations(violations)}`);
    assert.deepEqual(errors, []);
  });
}

// ─── 9. long names ───────────────────────────────────────────────────────────────────────────
test('long names: at 320 px in English the canvas shortens "Beiyuan Multi-ethnic Autonomous Prefecture"; tooltip and table have it whole', async (t) => {
  const full = 'Beiyuan Multi-ethnic Autonomous Prefecture';
  const { page, errors } = await open(t, at({ src: '/tests/fixtures/cities-30.csv', lang: 'en', highlight: '', width: 320 }),
    { viewport: { width: 336, height: 900 } }, {
      // Record the text the engine draws on the canvas (the real fillText still draws it).
      onPage: (p) => p.addInitScript(() => {
        window.drawnText = [];
        const fill = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
          window.drawnText.push(String(text));
          return fill.call(this, text, ...rest);
        };
      }),
    });
  const s0 = await widgetState(page);
  assert.equal(s0.canvas.w, 320 - 24, 'the element is 320 px wide (12 px padding each side)');
  assert.equal(s0.points.filter((p) => p.series === 'region').length, 60, '30 areas × 2 tiers');

  const drawn = await page.evaluate(() => window.drawnText);
  assert.ok(!drawn.includes(full), 'the full name is not drawn on a 320 px canvas');
  const short = drawn.filter((s) => s.startsWith('Beiyuan'));
  assert.equal(short.length, 2, `drawn once per tier: ${JSON.stringify(short)}`);
  for (const s of short) {
    assert.ok(s.endsWith('…') && full.startsWith(s.slice(0, -1).trimEnd()), `"${s}" is the name shortened with an ellipsis`);
  }

  const i = s0.points.findIndex((p) => p.tier === 0 && p.heading.includes('Beiyuan'));
  assert.ok(i >= 0, 'a tier-1 point for Beiyuan');
  assert.equal(s0.points[i].heading, `Tier 1 · ${full} · 2024`);
  const s1 = await hover(page, s0, s0.points[i]);
  assert.equal(s1.active, i);
  assert.equal(s1.tipHeading, `Tier 1 · ${full} · 2024`, 'the tooltip names it in full');
  assert.ok(inside(s1.tip, s1.figure), `tooltip ${JSON.stringify(s1.tip)} inside the 320 px widget ${JSON.stringify(s1.figure)}`);

  await page.locator('#chart .actions button[aria-expanded]').click();
  const rows = await page.$eval('#chart', (h) => [...h.shadowRoot.querySelectorAll('tbody tr')].map((tr) => tr.cells[0].textContent));
  assert.equal(rows.filter((r) => r === full).length, 2, 'the table names it in full, once per tier');
  assert.deepEqual(errors, []);
});

// ─── 10. widths ──────────────────────────────────────────────────────────────────────────────
for (const width of [320, 1200]) {
  for (const [name, query] of [['example-cities', {}], ['cities-30, en', { src: '/tests/fixtures/cities-30.csv', lang: 'en', highlight: '' }]]) {
    test(`width ${width} px (${name}): no horizontal overflow, and the canvas is drawn`, async (t) => {
      const { page, errors } = await open(t, at({ ...query, width }), { viewport: { width: width + 16, height: 900 } });
      const m = await page.$eval('#chart', (h) => {
        const root = h.shadowRoot;
        const fig = root.querySelector('figure');
        const right = Math.max(...[...root.querySelectorAll('figure *:not(.option)')]
          .filter((e) => e.getClientRects().length && !e.closest('.table-wrap')).map((e) => e.getBoundingClientRect().right));
        return {
          width: h.getBoundingClientRect().width, scrollWidth: h.scrollWidth, clientWidth: h.clientWidth,
          figScroll: fig.scrollWidth, figClient: fig.clientWidth, right, hostRight: h.getBoundingClientRect().right,
          page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        };
      });
      assert.equal(m.width, width);
      assert.ok(m.scrollWidth <= m.clientWidth, `host scrollWidth ${m.scrollWidth} <= clientWidth ${m.clientWidth}`);
      assert.ok(m.figScroll <= m.figClient, `figure scrollWidth ${m.figScroll} <= clientWidth ${m.figClient}`);
      assert.ok(m.right <= m.hostRight + 0.5, `nothing reaches past the element's right edge (${m.right} > ${m.hostRight})`);
      assert.ok(m.page[0] <= m.page[1], `the page does not scroll sideways (${m.page})`);
      const c = await canvasState(page);
      assert.ok(c.cssWidth <= width - 24 + 0.5, `canvas ${c.cssWidth} px wide`);
      const colours = query.highlight === '' ? ['region'] : ['region', 'previous'];
      for (const k of [...colours, 'reference']) assert.ok(c.counts[k] > 30, `the canvas is drawn: ${k} ${JSON.stringify(c.counts)}`);
      assert.deepEqual(errors, []);
    });
  }
}

// ─── a picture for a person to look at ───────────────────────────────────────────────────────
test('screenshot: the cities view at 375 px with 丙市\'s tooltip open (target/screenshots/cities-tooltip.png)', async (t) => {
  const { page, errors } = await open(t, at(), { viewport: { width: 375, height: 900 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const s0 = await widgetState(page);
  const p = pointOf(s0.points, '丙市', 0);
  await page.touchscreen.tap(s0.canvas.x + p.mark.x + p.mark.w / 2, s0.canvas.y + p.mark.y + p.mark.h / 2);
  await waitTip(page, false);
  const s1 = await widgetState(page);
  assert.equal(s1.tipHeading, '一本线 · 丙市 · 2024年');
  assert.ok(inside(s1.tip, s1.figure), 'tooltip inside the widget');
  mkdirSync(OUT, { recursive: true });
  await page.locator('#chart').screenshot({ path: join(OUT, 'cities-tooltip.png') });
  assert.deepEqual(errors, []);
});

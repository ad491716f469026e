// WCAG 1.4.11 Non-text contrast where marks cross marks, and 1.4.1 Use of colour, read off the
// real canvas pixels in both themes: the cities view's dashed province line over the cities'
// bars (grey beside a highlighted city, the region's colour without one) and over the page;
// the change view's province tick over this year's and last year's bars; in the compare view,
// two stated bars that differ in colour carry their areas' names.
//
//   node --test --test-concurrency=1 tests/e2e/marks.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, useServer } from './helpers.mjs';

const { open } = useServer();

/** WCAG's contrast ratio of two [r, g, b]. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * Where the reference's lines (the points of series "reference" whose marks are thin vertical
 * strips, one a tier) cross the bars of `series` of their tier: per bar, the bar's own colour
 * beside the line and the colours on the line within the bar, in device pixels of the canvas
 * (at devicePixelRatio 1).
 */
const crossings = (page, series) => page.$eval('#chart', (h, series) => {
  const ctx = h.shadowRoot.querySelector('canvas').getContext('2d');
  const px = (x, y) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)];
  const pts = h.chart.points;
  const lines = pts.filter((p) => p.series === 'reference' && p.mark.w <= 4 && p.mark.h > p.mark.w * 3);
  return lines.flatMap((line) => {
    const x = line.mark.x + line.mark.w / 2;
    return pts.filter((p) => series.includes(p.series) && p.tier === line.tier && p.mark.x + 6 < x && p.mark.x + p.mark.w > x + 6)
      .map((b) => {
        const on = [];
        for (let y = Math.ceil(b.mark.y) + 1; y < b.mark.y + b.mark.h - 1; y++) for (const dx of [-1, 0, 1]) on.push(px(x + dx - 0.5, y));
        return { heading: b.heading, beside: px(x - 5, b.mark.y + b.mark.h / 2), on };
      });
  });
}, series);

/** The line's pixel that stands out most from `bg`, and its contrast. */
function standout(on, bg, ratio) {
  return on.reduce((best, c) => (ratio(c, bg) > best.r ? { c, r: ratio(c, bg) } : best), { c: bg, r: 1 });
}

for (const theme of ['light', 'dark']) {
  for (const [what, query] of [['beside a highlighted city (grey bars)', ''], ['without a highlight (bars in the region colour)', '?highlight=']]) {
    test(`1.4.11 ${theme}: the cities view's province line stands out 3:1 from every bar it crosses, ${what}`, async (t) => {
      const { page, errors } = await open(t, `${PAGES}/cities.html${query}`, { viewport: { width: 1000, height: 1200 }, deviceScaleFactor: 1 });
      await page.$eval('#chart', (h, th) => h.chart.setTheme(th), theme);
      await page.waitForTimeout(100);
      const bars = await crossings(page, ['region']);
      assert.ok(bars.length >= 6, `the lines cross bars (${bars.length})`);
      const ratios = bars.map((b) => standout(b.on, b.beside, contrast).r);
      t.diagnostic(`${theme}: the line over ${bars.length} bars, lowest ${Math.min(...ratios).toFixed(2)}:1`);
      const low = bars.map((b) => ({ b, s: standout(b.on, b.beside, contrast) }))
        .filter(({ s }) => s.r < 3).map(({ b, s }) => `${b.heading}: line ${s.c} on bar ${b.beside} ${s.r.toFixed(2)}:1`);
      assert.deepEqual(low, [], `${theme}: the line over the bars`);
      assert.deepEqual(errors, []);
    });
  }

  test(`1.4.11 ${theme}: the change view's province tick stands out 3:1 from this year's and last year's bars`, async (t) => {
    const { page, errors } = await open(t, `${PAGES}/one.html`, { viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
    await page.$eval('#chart', (h, th) => {
      h.chart.setTheme(th);
      h.chart.setView('change');
    }, theme);
    await page.waitForTimeout(100);
    const bars = await crossings(page, ['region', 'previous']);
    for (const b of bars) {
      const s = standout(b.on, b.beside, contrast);
      assert.ok(s.r >= 3, `${theme}: tick over ${b.heading}: ${s.c} on ${b.beside}, ${s.r.toFixed(2)}:1`);
    }
    const seen = bars.length;
    t.diagnostic(`${theme}: the tick over ${seen} bars, lowest ${Math.min(...bars.map((b) => standout(b.on, b.beside, contrast).r)).toFixed(2)}:1`);
    assert.ok(seen >= 2, `ticks over bars checked: ${seen}`);
    assert.deepEqual(errors, []);
  });
}

/** Runs before the widget loads: records the text each canvas draws, where, in device px. */
function RECORD_TEXT() {
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  window.__texts = [];
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const m = this.getTransform();
    window.__texts.push({ canvas: this.canvas, text, x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
    return fillText.call(this, text, x, y, ...rest);
  };
}

test('1.4.1: in the compare view, two stated bars that differ in colour carry their areas\' names', async (t) => {
  for (const lang of ['zh-CN', 'en']) {
    const { page, errors } = await open(t, `${PAGES}/trend.html`, { viewport: { width: 1000, height: 1100 }, deviceScaleFactor: 1 },
      { onPage: (p) => p.addInitScript(RECORD_TEXT) });
    // The multi-year data states both rates of its latest year: two solid bars a tier.
    const r = await page.$eval('#chart', async (h, lang) => {
      h.chart.setLang(lang);
      h.chart.setView('compare');
      await new Promise((res) => setTimeout(res, 100));
      const canvas = h.shadowRoot.querySelector('canvas');
      const drawn = window.__texts.filter((x) => x.canvas === canvas).slice(-200);
      const names = h.chart.points.filter((p) => p.series === 'region' || p.series === 'reference').map((p) => {
        // The text drawn under the bar, centred on it, between the axis and the tier's name.
        const under = drawn.filter((d) => Math.abs(d.x - (p.mark.x + p.mark.w / 2)) < 2 && d.y > p.mark.y + p.mark.h && d.y < p.mark.y + p.mark.h + 30);
        return { series: p.series, heading: p.heading, under: under.map((d) => d.text) };
      });
      return names;
    }, lang);
    assert.equal(r.length, 4, `${lang}: two pairs of bars`);
    // The data names its areas in Chinese only: both languages show those names.
    const want = { region: '示例市', reference: '示例省' };
    for (const b of r) {
      assert.ok(b.under.some((x) => x === want[b.series] || (x.endsWith('…') && want[b.series].startsWith(x.slice(0, -1)))),
        `${lang}: ${b.heading}: its bar is named: ${JSON.stringify(b.under)}`);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

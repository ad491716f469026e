// How the widget looks: the fade on a view switch (none under reduced motion), a newsroom's
// --passrate-* colours and font, and redraw() picking up a changed property.
//
//   node --test --test-concurrency=1 tests/e2e/style.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNT_PAINTS, PAGES, PALETTE, canvasState, useServer } from './helpers.mjs';

const { open } = useServer();

test('motion: a fade of at most 300 ms on view switch, none under reduced motion, never delaying the tooltip', async (t) => {
  for (const reduced of [false, true]) {
    const { page, errors } = await open(t, `${PAGES}/one.html`, { reducedMotion: reduced ? 'reduce' : 'no-preference' });
    await page.locator('#chart [role=tab][data-view="change"]').click();
    const anim = await page.$eval('#chart', (h) => {
      const cs = getComputedStyle(h.shadowRoot.querySelector('canvas'));
      return { name: cs.animationName, duration: parseFloat(cs.animationDuration) * 1000 };
    });
    if (reduced) {
      assert.equal(anim.name, 'none', 'no animation under prefers-reduced-motion');
    } else {
      assert.equal(anim.name, 'prc-enter');
      assert.ok(anim.duration > 0 && anim.duration <= 300, `${anim.duration} ms`);
    }
    // Straight after the switch, hovering a point shows its tooltip at once.
    const pt = await page.$eval('#chart', (h) => {
      const r = h.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const p = h.chart.points[0];
      return { x: r.left + p.x + p.w / 2, y: r.top + p.y + p.h / 2 };
    });
    await page.mouse.move(pt.x, pt.y);
    const shown = await page.$eval('#chart', (h) => !h.shadowRoot.querySelector('.tip').hidden);
    assert.ok(shown, 'tooltip shown without waiting for the fade');
    assert.deepEqual(errors, []);
  }
});

test('brand: --passrate-* custom properties recolour the canvas and the legend, and set the font', async (t) => {
  const warnings = [];
  const { page, errors } = await open(t, `${PAGES}/brand.html`, {}, {
    onPage: (p) => p.on('console', (m) => m.type() === 'warning' && warnings.push(m.text())),
  });
  const { counts } = await canvasState(page, '#chart', { colours: { green: [0, 128, 0], orange: PALETTE.light.region, purple: [120, 0, 160] }, tol: 3 });
  const r = await page.$eval('#chart', (h) => {
    const ctx = h.shadowRoot.querySelector('canvas').getContext('2d');
    const swatch = getComputedStyle(h.shadowRoot.querySelector('[data-series="region"] .sw')).backgroundColor;
    return { font: ctx.font, swatch, figureFont: getComputedStyle(h.shadowRoot.querySelector('figure')).fontFamily };
  });
  Object.assign(r, counts);
  assert.ok(r.green > 1000, `region bars in the brand colour (${r.green} px)`);
  assert.equal(r.orange, 0, 'no default orange left');
  assert.ok(r.purple > 50, `reference in its brand colour (${r.purple} px)`);
  assert.equal(r.swatch, 'rgb(0, 128, 0)');
  assert.match(r.font, /Georgia/);
  assert.match(r.figureFont, /Georgia/);
  assert.ok(warnings.some((w) => w.includes('--passrate-warning')), `the invalid colour is reported: ${warnings}`);
  assert.deepEqual(errors, []);
});

test('redraw(): one canvas draw, the DOM text left as it is; a changed --passrate-* property is picked up', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, {}, { onPage: (p) => p.addInitScript(COUNT_PAINTS) });
  // Settle first: no paint may be pending from the first draw.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const r = await page.$eval('#chart', async (h) => {
    const canvas = h.shadowRoot.querySelector('canvas');
    const legend = h.shadowRoot.querySelector('[data-series="region"]');
    const before = canvas.__paints;
    h.chart.redraw();
    const same = h.shadowRoot.querySelector('[data-series="region"]') === legend;
    // Every paint of the canvas, whether in this task or in the frames after it.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const draws = canvas.__paints - before;
    h.style.setProperty('--passrate-region', '#008000');
    h.chart.redraw();
    const swatch = getComputedStyle(h.shadowRoot.querySelector('[data-series="region"] .sw')).backgroundColor;
    return { same, draws, swatch };
  });
  assert.equal(r.same, true, 'the legend was not rebuilt by a plain redraw');
  assert.equal(r.draws, 1, 'canvas paints for one redraw()');
  assert.equal(r.swatch, 'rgb(0, 128, 0)');
  assert.deepEqual(errors, []);
});

// What the widget shows: the legend toggles hide and restore a series, the view tabs switch
// between compare and change (by click and by arrow keys), and the trend view.
//
//   node --test --test-concurrency=1 tests/e2e/views.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, PALETTE, canvasState, useServer, waitDrawnAbove, widgetState } from './helpers.mjs';

const { open } = useServer();

test('legend: the reference toggle hides and restores its series on the canvas and in the points', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const sizes = await page.evaluate(() => {
    const root = document.querySelector('#chart').shadowRoot;
    return [...root.querySelectorAll('.legend button, [role=tab], .actions button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { label: b.textContent, w: r.width, h: r.height };
    });
  });
  assert.ok(sizes.length >= 5, 'legend buttons, tabs and the table toggle found');
  for (const b of sizes) assert.ok(b.w >= 24 && b.h >= 24, `button "${b.label}" is at least 24×24 (${b.w}×${b.h})`);

  const before0 = await canvasState(page);
  assert.ok(before0.counts.reference > 200, `reference colour drawn before (${before0.counts.reference} px)`);
  const button = page.locator('#chart button[data-series="reference"]');
  assert.equal(await button.getAttribute('aria-pressed'), 'true');

  await button.click();
  await waitDrawnAbove(page, before0.drawn);
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  const hidden = await canvasState(page);
  assert.ok(hidden.counts.reference <= 5, `no reference colour after hiding (${hidden.counts.reference} px)`);
  assert.ok(hidden.counts.region > 500, `region still drawn (${hidden.counts.region} px)`);
  let points = (await widgetState(page)).points;
  assert.ok(points.length > 0);
  assert.ok(!points.some((p) => p.series === 'reference'), `no reference points: ${points.map((p) => p.series)}`);
  const focused = await page.evaluate(() => document.querySelector('#chart').shadowRoot.activeElement?.dataset.series);
  assert.equal(focused, 'reference', 'focus stays on the legend button after the legend is rebuilt');

  await button.click();
  await waitDrawnAbove(page, hidden.drawn);
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  const shown = await canvasState(page);
  assert.ok(shown.counts.reference > 200, `reference colour back (${shown.counts.reference} px)`);
  assert.equal(shown.hash, before0.hash, 'the canvas is the same as before hiding');
  points = (await widgetState(page)).points;
  assert.equal(points.filter((p) => p.series === 'reference').length, 2, 'reference points back');
  assert.deepEqual(errors, []);
});

test('view switch: the 同比变化 tab selects the change view, with last year\'s points and a new drawing', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const before0 = await canvasState(page);
  const s0 = await widgetState(page);
  assert.ok(!s0.points.some((p) => p.series === 'previous'), 'compare view has no previous-year points');
  const tab = page.locator('#chart [role=tab][data-view="change"]');
  assert.equal(await tab.textContent(), '同比变化');
  assert.equal(await tab.getAttribute('aria-selected'), 'false');

  await tab.click();
  await waitDrawnAbove(page, before0.drawn);
  const tabs = await page.evaluate(() => [...document.querySelector('#chart').shadowRoot.querySelectorAll('[role=tab]')]
    .map((b) => ({ view: b.dataset.view, selected: b.getAttribute('aria-selected'), tabindex: b.getAttribute('tabindex') })));
  assert.deepEqual(tabs, [
    { view: 'compare', selected: 'false', tabindex: '-1' },
    { view: 'change', selected: 'true', tabindex: '0' },
  ]);
  const s1 = await widgetState(page);
  assert.ok(s1.points.some((p) => p.series === 'previous'), `change view has previous-year points: ${s1.points.map((p) => p.series)}`);
  assert.notDeepEqual(s1.points, s0.points, 'points changed');
  const after1 = await canvasState(page);
  assert.notEqual(after1.hash, before0.hash, 'canvas content changed');
  assert.ok(after1.counts.previous > 50, `last year drawn (${after1.counts.previous} px)`);
  assert.ok(after1.counts.region > 100, `this year drawn (${after1.counts.region} px)`);

  // Where did focus go? The clicked tab was replaced when the tab list was rebuilt.
  const afterClick = await page.evaluate(() => {
    const root = document.querySelector('#chart').shadowRoot;
    return root.activeElement?.dataset?.view ?? `outside the widget (${document.activeElement?.tagName})`;
  });

  // And back, with the keyboard on the tab list (arrow keys move focus and selection).
  await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('[role=tab][aria-selected=true]').focus());
  await page.keyboard.press('ArrowLeft');
  await waitDrawnAbove(page, after1.drawn);
  assert.equal(await page.locator('#chart [role=tab][data-view="compare"]').getAttribute('aria-selected'), 'true');
  const compareAgain = await canvasState(page);
  assert.equal(compareAgain.hash, before0.hash, 'back to the same compare drawing');
  const afterArrow = await page.evaluate(() => document.querySelector('#chart').shadowRoot.activeElement?.dataset?.view ?? null);
  assert.equal(afterArrow, 'compare', 'ArrowLeft moves focus to the compare tab');

  // Enter on the focused tab (a keyboard activation, which fires click).
  await page.keyboard.press('Enter');
  await page.waitForTimeout(50);
  const afterEnter = await page.evaluate(() => {
    const root = document.querySelector('#chart').shadowRoot;
    return root.activeElement?.dataset?.view ?? `outside the widget (${document.activeElement?.tagName})`;
  });
  assert.equal(await page.locator('#chart [role=tab][data-view="compare"]').getAttribute('aria-selected'), 'true');
  assert.deepEqual(errors, []);

  // Activating a tab must leave focus on it (not drop it to <body>): checked last, so that
  // everything above is verified whatever the outcome.
  assert.deepEqual({ afterClick, afterEnter }, { afterClick: 'change', afterEnter: 'compare' },
    'focus stays on the activated tab after a click / Enter');
});

test('trend view: a tab only for three or more years, one point per year, derived years hollow', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/mount.html`);
  const r = await page.evaluate(async () => {
    const multi = await (await fetch('/www/data/example-multi-year.json')).json();
    const host = document.getElementById('target');
    const chart = await window.prc.mount(host, multi, { view: 'trend', height: 620 });
    const tabs = [...host.shadowRoot.querySelectorAll('[role=tab]')].map((b) => [b.textContent, b.getAttribute('aria-selected')]);
    const headings = chart.points.map((p) => p.heading);
    const derived = chart.points.filter((p) => p.lines.some((l) => l.startsWith('推算'))).map((p) => p.heading);
    return { tabs, headings, derived };
  });
  // The gap between the two areas is shaded in the region's tint.
  r.shade = (await canvasState(page, '#target', { colours: { shade: PALETTE.light.regionTint }, tol: 2 })).counts.shade;
  Object.assign(r, await page.evaluate(async () => {
    // The one-year seed has no trend tab, and asking for it is an error naming the view.
    const single = await window.prc.mount(document.getElementById('bad-target'), window.dataset);
    const singleTabs = [...document.getElementById('bad-target').shadowRoot.querySelectorAll('[role=tab]')].map((b) => b.textContent);
    let refused = null;
    try { single.setView('trend'); } catch (e) { refused = e.message; }
    return { singleTabs, refused };
  }));
  assert.deepEqual(r.tabs.map((x) => x[0]), ['对比示例省', '同比变化', '历年走势']);
  assert.equal(r.tabs[2][1], 'true');
  assert.equal(r.headings.length, 24, '2 tiers × 6 years × 2 areas');
  assert.ok(r.headings.includes('一本线 · 示例市 · 2019年') && r.headings.includes('二本线 · 示例省 · 2024年'), r.headings.join(' | '));
  assert.ok(r.shade > 2000, `the gap is shaded (${r.shade} px)`);
  assert.ok(r.derived.includes('一本线 · 示例省 · 2020年'), `derived reference years: ${r.derived}`);
  assert.deepEqual(r.singleTabs, ['对比山西省', '同比变化']);
  assert.match(r.refused, /^view: "trend" needs three or more years of data/);
  assert.deepEqual(errors, []);
});

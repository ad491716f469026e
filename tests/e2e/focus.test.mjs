// WCAG 2.4.3 Focus order: a point that has keyboard focus keeps it across every redraw — the
// reader's system switching light/dark under theme="auto", the host page setting `lang`,
// `view` or `src` — on the same point, or the nearest one left; the arrow keys go on from
// there, and the point's own tooltip is shown, placed for the new layout.
//
//   node --test --test-concurrency=1 tests/e2e/focus.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, useServer, waitDrawnAbove } from './helpers.mjs';

const { open } = useServer();

/** The focused point: its key and index, the tooltip's state and whether it sits by the point. */
const focusState = (page) => page.$eval('#chart', (h) => {
  const root = h.shadowRoot;
  const o = root.activeElement;
  const tip = root.querySelector('.tip');
  const i = o?.getAttribute('role') === 'option' ? Number(o.dataset.index) : -1;
  const p = h.chart.points[i];
  const t = tip.getBoundingClientRect();
  return {
    page: document.activeElement === h, index: i, key: i >= 0 ? h.chart.pointText[i].key : null,
    shown: !tip.hidden && h.chart.active === i && tip.textContent.startsWith(p?.heading),
    tip: [t.x, t.y, t.width, t.height].map(Math.round).join(),
  };
});

/** Focuses point `i` by the keyboard: Tab into the points, then Home and ArrowRight. */
async function focusByKeys(page, i) {
  await page.$eval('#chart', (h) => h.shadowRoot.querySelector('[role=option][tabindex="0"]').focus());
  await page.keyboard.press('Home');
  for (let k = 0; k < i; k++) await page.keyboard.press('ArrowRight');
}

async function assertKept(page, before, what, sameKey) {
  const after = await focusState(page);
  assert.equal(after.page, true, `${what}: focus is still in the chart (not on <body>)`);
  assert.ok(after.index >= 0, `${what}: a point has focus`);
  if (sameKey) assert.equal(after.key, before.key, `${what}: the same point has focus`);
  assert.equal(after.shown, true, `${what}: its own tooltip is shown`);
  // The arrow keys go on from the point that has focus; back on it, its tooltip is where the
  // redraw put it (placed for the new layout, not left where the old one had it).
  const n = await page.$eval('#chart', (h) => h.chart.points.length);
  const [on, back] = after.index + 1 < n ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
  await page.keyboard.press(on);
  const moved = await focusState(page);
  assert.notEqual(moved.index, after.index, `${what}: an arrow key moves on`);
  assert.equal(moved.page, true);
  await page.keyboard.press(back);
  const again = await focusState(page);
  assert.equal(again.index, after.index);
  assert.equal(after.tip, again.tip, `${what}: the tooltip after the redraw is placed as for its point`);
}

test('2.4.3: focus stays on its point when the system switches light/dark under theme="auto"', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/cities.html?theme=auto`, { viewport: { width: 1000, height: 1200 }, colorScheme: 'light' });
  await focusByKeys(page, 3);
  const before = await focusState(page);
  assert.equal(before.index, 3);
  for (const scheme of ['dark', 'light']) {
    const drawn = await page.$eval('#chart', (h) => Number(h.dataset.drawn));
    await page.emulateMedia({ colorScheme: scheme });
    await waitDrawnAbove(page, drawn);
    await page.waitForTimeout(50);
    await assertKept(page, before, `scheme ${scheme}`, true);
  }
  assert.deepEqual(errors, []);
});

for (const [attr, value, sameKey] of [['lang', 'en', true], ['view', 'compare', false], ['view', 'change', false], ['src', '/www/data/example-cities.csv?again', true]]) {
  test(`2.4.3: focus stays on a point when the host page sets ${attr}="${value}"`, async (t) => {
    const { page, errors } = await open(t, `${PAGES}/cities.html`, { viewport: { width: 1000, height: 1200 } });
    await focusByKeys(page, 2);
    const before = await focusState(page);
    const drawn = await page.$eval('#chart', (h) => Number(h.dataset.drawn));
    await page.$eval('#chart', (h, [a, v]) => h.setAttribute(a, v), [attr, value]);
    await waitDrawnAbove(page, drawn);
    await page.waitForTimeout(50);
    await assertKept(page, before, `${attr}=${value}`, sameKey);
    assert.deepEqual(errors, []);
  });
}

test('2.4.3, 1.4.13: a tooltip dismissed with Esc stays dismissed across a redraw; focus stays', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/cities.html`, { viewport: { width: 1000, height: 1200 } });
  await focusByKeys(page, 2);
  await page.keyboard.press('Escape');
  const before = await focusState(page);
  assert.equal(before.shown, false, 'Esc closed it');
  const drawn = await page.$eval('#chart', (h) => Number(h.dataset.drawn));
  await page.$eval('#chart', (h) => h.setAttribute('lang', 'en'));
  await waitDrawnAbove(page, drawn);
  await page.waitForTimeout(50);
  const after = await focusState(page);
  assert.equal(after.page, true, 'focus is still in the chart');
  assert.equal(after.key, before.key, 'on the same point');
  assert.equal(await page.$eval('#chart', (h) => h.shadowRoot.querySelector('.tip').hidden), true, 'no tooltip came back');
  assert.deepEqual(errors, []);
});

// The widget from the keyboard: Tab reaches the listbox of points (one tab stop), arrows,
// Home and End move focus from point to point with the tooltip following and a focus ring on
// the point, each point telling a screen reader what it is; Esc closes; Tab leaves.
//
//   node --test --test-concurrency=1 tests/e2e/keyboard.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTED, PAGES, useServer, waitTip, widgetState } from './helpers.mjs';

const { open } = useServer();

test('keyboard: Tab reaches the points, arrows/Home/End step through them, Esc closes, Tab leaves', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, {}, COUNTED);
  const s0 = await widgetState(page);
  assert.ok(s0.paints >= 1, `the canvas's paints are counted (${s0.paints})`);
  const order = [];
  let reached = false;
  for (let n = 0; n < 15 && !reached; n++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      const inner = a?.shadowRoot?.activeElement;
      const d = (e) => e && `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.getAttribute('role') ? '[' + e.getAttribute('role') + ']' : ''}`;
      return { outer: d(a), inner: d(inner), option: inner?.getAttribute('role') === 'option' };
    });
    order.push(where.inner ? `${where.outer} > ${where.inner}` : where.outer);
    reached = where.option;
  }
  assert.ok(reached, `Tab reaches a point of the listbox; focus went: ${order.join(' → ')}`);
  const role = await page.$eval('#chart', (h) => {
    const o = h.shadowRoot.activeElement;
    return { parent: o.closest('[role=listbox]') !== null, selected: o.getAttribute('aria-selected'), index: o.dataset.index };
  });
  assert.deepEqual(role, { parent: true, selected: 'true', index: '0' }, 'the first point is the tab stop, in a listbox, selected');

  const expectPoint = async (k, value) => {
    await page.waitForFunction((k) => document.querySelector('#chart').chart.active === k, k, { timeout: 3000 });
    const st = await widgetState(page);
    const p = st.points[k];
    assert.equal(st.focused, k, `point ${k + 1} has keyboard focus`);
    assert.equal(p.value, value);
    assert.equal(st.tipHidden, false, `tooltip shown for point ${k + 1}`);
    assert.equal(st.tipValue, value);
    assert.equal(st.live, p.spoken, 'the focused option says the point');
    assert.ok(st.live.includes(value), `it names the value ${value}: "${st.live}"`);
    assert.ok(st.live.includes(String(p.year)), `it names the year ${p.year}: "${st.live}"`);
    // The focus ring is the option's outline, over the point's box.
    assert.equal(st.stageFocusVisible, true, 'the focused point matches :focus-visible');
    assert.notEqual(st.focusOutline, 'none', 'and has an outline');
    const want = { x: st.canvas.x + p.x, y: st.canvas.y + p.y, w: p.w, h: p.h };
    for (const key of ['x', 'y', 'w', 'h']) assert.ok(Math.abs(st.focus[key] - want[key]) <= 2, `focus ring ${key}: ${st.focus[key]} vs point ${want[key]}`);
    assert.equal(st.paints, s0.paints, 'keyboard navigation does not redraw');
    return st;
  };

  let s = await expectPoint(0, '15.5%');
  await page.keyboard.press('ArrowRight');
  s = await expectPoint(1, '14.8%');
  assert.match(s.live, /山西省/);
  await page.keyboard.press('End');
  await expectPoint(4, '45.2%');
  await page.keyboard.press('ArrowRight');
  await expectPoint(4, '45.2%'); // stays at the end
  await page.keyboard.press('ArrowUp');
  await expectPoint(3, '48.6%');
  await page.keyboard.press('Home');
  await expectPoint(0, '15.5%');
  // No character-key shortcuts (WCAG 2.1.4): letters and symbols change nothing.
  for (const key of ['a', 'h', 'k', 'j', '?', '1']) await page.keyboard.press(key);
  s = await expectPoint(0, '15.5%');
  assert.equal(await page.$eval('#chart', (h) => h.chart.options.view), 'compare');

  await page.keyboard.press('Escape');
  await waitTip(page, true);
  s = await widgetState(page);
  assert.equal(s.tipHidden, true, 'Esc hides the tooltip');
  assert.equal(s.stageFocused, true, 'Esc keeps focus on the point');
  await page.keyboard.press('End');
  await expectPoint(4, '45.2%');

  await page.keyboard.press('Tab');
  s = await widgetState(page);
  assert.equal(s.stageFocused, false, 'Tab moves focus out of the points (no keyboard trap)');
  const next = await page.evaluate(() => {
    const a = document.activeElement;
    const inner = a?.shadowRoot?.activeElement;
    return (inner ?? a)?.textContent ?? null;
  });
  assert.equal(next, '查看数据', 'the next tab stop is the data-table toggle');
  await page.keyboard.press('Shift+Tab');
  s = await widgetState(page);
  assert.equal(s.focused, 4, 'coming back, focus returns to the point last focused');
  assert.deepEqual(errors, []);
});

// The widget from the keyboard: Tab reaches the stage, arrows/Home/End step through the
// points with the tooltip, focus box and live region following, Esc closes, Tab leaves.
//
//   node --test --test-concurrency=1 tests/e2e/keyboard.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, useServer, waitTip, widgetState } from './helpers.mjs';

const { open } = useServer();

test('keyboard: Tab reaches the stage, arrows/Home/End step through points, Esc closes, Tab leaves', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const s0 = await widgetState(page);
  const order = [];
  let reached = false;
  for (let n = 0; n < 15 && !reached; n++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      const inner = a?.shadowRoot?.activeElement;
      const d = (e) => e && `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}`;
      return { outer: d(a), inner: d(inner), stage: !!inner && inner === a.shadowRoot.querySelector('.stage') };
    });
    order.push(where.inner ? `${where.outer} > ${where.inner}` : where.outer);
    reached = where.stage;
  }
  assert.ok(reached, `Tab reaches the stage; focus went: ${order.join(' → ')}`);
  let s = await widgetState(page);
  assert.equal(s.stageFocused, true);
  assert.equal(s.stageFocusVisible, true, 'the focused stage matches :focus-visible (has a focus ring)');

  const focusDisplays = [];
  const expectPoint = async (k, value) => {
    await page.waitForFunction((k) => document.querySelector('#chart').chart.active === k, k, { timeout: 3000 });
    const st = await widgetState(page);
    const p = st.points[k];
    assert.equal(p.value, value);
    assert.equal(st.tipHidden, false, `tooltip shown for point ${k + 1}`);
    assert.equal(st.tipValue, value);
    assert.ok(st.live.includes(value), `live region names the value ${value}: "${st.live}"`);
    assert.ok(st.live.includes(`第${k + 1}个，共${st.points.length}个`), `live region gives the position: "${st.live}"`);
    // The focus box marks the active point.
    // (Whether it is actually displayed is asserted at the end, so the rest is checked first.)
    assert.equal(st.focusHidden, false, 'focus box not hidden');
    focusDisplays.push(`${value}: display ${st.focusDisplay}, ${st.focus.w}×${st.focus.h}`);
    const want = { x: st.canvas.x + p.x, y: st.canvas.y + p.y, w: p.w, h: p.h };
    for (const key of ['x', 'y', 'w', 'h']) {
      // A display:none box measures 0×0 at 0,0: only compare when it is laid out.
      if (st.focusDisplay !== 'none') assert.ok(Math.abs(st.focus[key] - want[key]) <= 2, `focus box ${key}: ${st.focus[key]} vs point ${want[key]}`);
    }
    assert.equal(st.drawn, s0.drawn, 'keyboard navigation does not redraw');
    return st;
  };

  await page.keyboard.press('ArrowRight');
  await expectPoint(0, '15.5%');
  await page.keyboard.press('ArrowRight');
  s = await expectPoint(1, '14.8%');
  assert.match(s.live, /山西省/);
  assert.match(s.live, /第2个，共5个/);
  await page.keyboard.press('End');
  await expectPoint(4, '45.2%');
  await page.keyboard.press('ArrowRight');
  await expectPoint(4, '45.2%'); // stays at the end
  await page.keyboard.press('Home');
  await expectPoint(0, '15.5%');

  await page.keyboard.press('Escape');
  await waitTip(page, true);
  s = await widgetState(page);
  assert.equal(s.tipHidden, true, 'Esc hides the tooltip');
  assert.equal(s.focusHidden, true, 'Esc hides the focus box');
  assert.equal(s.stageFocused, true, 'Esc keeps focus on the stage');

  await page.keyboard.press('Tab');
  s = await widgetState(page);
  assert.equal(s.stageFocused, false, 'Tab moves focus out of the stage (no keyboard trap)');
  const next = await page.evaluate(() => {
    const a = document.activeElement;
    const inner = a?.shadowRoot?.activeElement;
    return (inner ?? a)?.textContent ?? null;
  });
  assert.equal(next, '查看数据', 'the next tab stop is the data-table toggle');
  assert.deepEqual(errors, []);
  // The focus box must be visible while a point is active (keyboard users have no pointer).
  assert.ok(focusDisplays.every((d) => !d.includes('display none')),
    `the focus box is never displayed while a point is active: ${focusDisplays.join('; ')}`);
});

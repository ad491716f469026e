// WCAG 1.4.13 Content on hover or focus, 2.4.7 and 2.4.11 with a tooltip up: a reader can
// move the pointer straight from any mark onto its own tooltip without another point's
// taking its place; no tooltip (pointer or keyboard) covers the widget's own controls (view
// tabs, legend, action buttons, the source link) at 1000, 760 or 400 px; at 400 % zoom (a
// 320 × 256 viewport) the keyboard's tooltip leaves the focused point and its ring clear.
//
//   node --test --test-concurrency=1 tests/e2e/tooltip.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, useServer } from './helpers.mjs';

const { open } = useServer();

/** Every view of every test page, with the page to open it on. */
const PAGES_BY_VIEW = [
  ['compare', `${PAGES}/one.html`], ['change', `${PAGES}/one.html`],
  ['trend', `${PAGES}/trend.html`], ['cities', `${PAGES}/cities.html`],
];

/**
 * For each point: a spot of its mark that no other mark (nor a tooltip shown) covers, in page
 * coordinates, where the engine's hit test says the point is this one; null where the mark has
 * no such spot.
 */
const spots = (page) => page.$eval('#chart', (h) => {
  const pts = h.chart.points;
  const c = h.shadowRoot.querySelector('canvas').getBoundingClientRect();
  const tip = h.shadowRoot.querySelector('.tip');
  const t = tip.hidden ? null : tip.getBoundingClientRect();
  const under = (x, y) => t && c.x + x >= t.left - 2 && c.x + x <= t.right + 2 && c.y + y >= t.top - 2 && c.y + y <= t.bottom + 2;
  const inBox = (b, x, y) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
  return pts.map((p, i) => {
    for (let fy = 0.5; fy < 1; fy += 0.1) {
      for (let fx = 0.5; fx < 1; fx += 0.1) {
        for (const [sx, sy] of [[fx, fy], [1 - fx, fy], [fx, 1 - fy], [1 - fx, 1 - fy]]) {
          const x = p.mark.x + p.mark.w * sx;
          const y = p.mark.y + p.mark.h * sy;
          if (!pts.some((q, k) => k !== i && inBox(q.mark, x, y)) && !under(x, y) && h.chart.core.hit(x, y) === i) return { x: c.x + x, y: c.y + y };
        }
      }
    }
    return null;
  });
});

const tipBox = (page) => page.$eval('#chart', (h) => {
  const t = h.shadowRoot.querySelector('.tip');
  if (t.hidden) return null;
  const r = t.getBoundingClientRect();
  return { x: r.x, y: r.y, w: r.width, h: r.height };
});

/** Moves the pointer in a straight line from `a` to `b`, a pointer event every 3 px. */
async function straight(page, a, b) {
  const steps = Math.max(2, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 3));
  await page.mouse.move(a.x, a.y);
  await page.mouse.move(b.x, b.y, { steps });
}

for (const [view, path] of PAGES_BY_VIEW) {
  test(`1.4.13 hoverable: in the ${view} view, a straight path from each mark onto its own tooltip keeps that tooltip`, async (t) => {
    const { page, errors } = await open(t, path, { viewport: { width: 1000, height: 1200 } });
    await page.$eval('#chart', (h, v) => h.chart.setView(v), view);
    await page.waitForTimeout(100);
    const marks = await spots(page);
    const swapped = [];
    let tried = 0;
    for (const [i, spot] of marks.entries()) {
      if (!spot) continue;
      for (const aim of ['centre', 'nearest']) {
        // From outside the chart, so each point starts with no tooltip up.
        await page.mouse.move(2, 2);
        await page.mouse.move(spot.x, spot.y, { steps: 2 });
        await page.waitForFunction((i) => document.querySelector('#chart').chart.active === i, i, { timeout: 2000 });
        const tip = await tipBox(page);
        // The tooltip's centre, or the point of it nearest the mark, 6 px inside its edge.
        const inset = 6;
        const to = aim === 'centre' ? { x: tip.x + tip.w / 2, y: tip.y + tip.h / 2 } : {
          x: Math.min(Math.max(spot.x, tip.x + inset), tip.x + tip.w - inset),
          y: Math.min(Math.max(spot.y, tip.y + inset), tip.y + tip.h - inset),
        };
        await straight(page, spot, to);
        await page.waitForTimeout(30);
        tried += 1;
        const active = await page.$eval('#chart', (h) => h.chart.active);
        if (active !== i) swapped.push(`${i}→${active} (${aim})`);
      }
    }
    assert.ok(tried >= 8, `${view}: ${tried} paths tried`);
    assert.deepEqual(swapped, [], `${view}: moving onto its tooltip swapped it for another point's`);
    assert.deepEqual(errors, []);
  });
}

/** The widget's controls, page coordinates: tabs, legend, action buttons, the source's link. */
const controls = (page) => page.$eval('#chart', (h) => [...h.shadowRoot.querySelectorAll('[role=tab], .legend button, .legend .item, .actions button, .source a')]
  .map((e) => { const r = e.getBoundingClientRect(); return { what: e.textContent.slice(0, 12), x: r.x, y: r.y, w: r.width, h: r.height }; })
  .filter((r) => r.w > 0));

const overlap = (a, b) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

for (const width of [1000, 760, 400]) {
  test(`1.4.13, 2.4.7: no tooltip covers the widget's controls at ${width} px, by pointer or keyboard, in any view`, async (t) => {
    const covered = [];
    for (const [view, path] of PAGES_BY_VIEW) {
      const { page, errors } = await open(t, path, { viewport: { width, height: 900 } });
      await page.$eval('#chart', (h, v) => h.chart.setView(v), view);
      await page.waitForTimeout(100);
      const marks = await spots(page);
      for (const [i, spot] of marks.entries()) {
        for (const by of ['pointer', 'keyboard']) {
          if (by === 'pointer') {
            if (!spot) continue;
            await page.mouse.move(2, 2);
            await page.evaluate((y) => window.scrollTo(0, y), 0);
            await page.$eval('#chart', (h, i) => h.shadowRoot.querySelectorAll('[role=option]')[i].scrollIntoView({ block: 'center' }), i);
            const [s] = [(await spots(page))[i]];
            await page.mouse.move(s.x, s.y, { steps: 2 });
          } else {
            await page.mouse.move(2, 2);
            await page.$eval('#chart', (h, i) => h.shadowRoot.querySelectorAll('[role=option]')[i].focus(), i);
          }
          await page.waitForFunction((i) => document.querySelector('#chart').chart.active === i, i, { timeout: 2000 });
          const tip = await tipBox(page);
          for (const c of await controls(page)) if (overlap(tip, c) > 0) covered.push(`${view} ${by} point ${i} covers "${c.what}"`);
          await page.keyboard.press('Escape');
        }
      }
      await page.$eval('#chart', (h) => h.shadowRoot.activeElement?.blur());
      assert.deepEqual(errors, []);
      await page.context().close();
    }
    assert.deepEqual(covered, [], `${width} px`);
  });
}

test('2.4.11, 1.4.13: at 400 % zoom (320 × 256) the keyboard tooltip leaves the focused point and its ring clear, in every view', async (t) => {
  const problems = [];
  for (const [view, path] of PAGES_BY_VIEW) {
    const { page, errors } = await open(t, path, { viewport: { width: 320, height: 256 } });
    await page.$eval('#chart', (h, v) => h.chart.setView(v), view);
    await page.waitForTimeout(100);
    const n = await page.$eval('#chart', (h) => h.chart.points.length);
    await page.$eval('#chart', (h) => h.shadowRoot.querySelector('[role=option][tabindex="0"]').focus());
    await page.keyboard.press('Home');
    for (let i = 0; i < n; i++) {
      if (i) await page.keyboard.press('ArrowRight');
      const r = await page.$eval('#chart', (h) => {
        const o = h.shadowRoot.activeElement.getBoundingClientRect();
        const t = h.shadowRoot.querySelector('.tip');
        const tr = t.getBoundingClientRect();
        return {
          hidden: t.hidden, index: Number(h.shadowRoot.activeElement.dataset.index),
          // The option's box and its ring (3 px outline, 1 px offset, 5 px halo).
          ring: { x: o.x - 6, y: o.y - 6, w: o.width + 12, h: o.height + 12 },
          tip: { x: tr.x, y: tr.y, w: tr.width, h: tr.height },
          onScreen: o.bottom > 0 && o.top < innerHeight,
        };
      });
      if (r.hidden) problems.push(`${view} ${i}: no tooltip`);
      else if (overlap(r.tip, r.ring) > 0) problems.push(`${view} ${i}: the tooltip covers ${Math.round(overlap(r.tip, r.ring))} px² of the focused point and its ring`);
      if (!r.onScreen) problems.push(`${view} ${i}: the focused point is off screen`);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  }
  assert.deepEqual(problems, []);
});

test('1.4.13: a pointer that stops on another point on its way to a tooltip gets that point’s tooltip', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/cities.html`, { viewport: { width: 1000, height: 1200 } });
  const marks = await spots(page);
  let checked = 0;
  for (const [i, spot] of marks.entries()) {
    if (!spot || checked) continue;
    await page.mouse.move(2, 2);
    await page.mouse.move(spot.x, spot.y, { steps: 2 });
    await page.waitForFunction((i) => document.querySelector('#chart').chart.active === i, i, { timeout: 2000 });
    const tip = await tipBox(page);
    const to = { x: tip.x + tip.w / 2, y: tip.y + tip.h / 2 };
    // The first place on the straight path where another point's target is.
    const along = await page.$eval('#chart', (h, [a, b, i]) => {
      const c = h.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const tipR = h.shadowRoot.querySelector('.tip').getBoundingClientRect();
      for (let f = 0.02; f < 1; f += 0.02) {
        const x = a.x + (b.x - a.x) * f;
        const y = a.y + (b.y - a.y) * f;
        if (x >= tipR.left - 10 && x <= tipR.right + 10 && y >= tipR.top - 10 && y <= tipR.bottom + 10) return null;
        const k = h.chart.core.hit(x - c.x, y - c.y);
        if (k >= 0 && k !== i) return { x, y, k };
      }
      return null;
    }, [spot, to, i]);
    if (!along) continue;
    await straight(page, spot, along);
    await page.waitForTimeout(50);
    assert.equal(await page.$eval('#chart', (h) => h.chart.active), i, `point ${i}: on the way, its tooltip stays`);
    await page.waitForTimeout(700);
    assert.equal(await page.$eval('#chart', (h) => h.chart.active), along.k, `point ${i}: resting on point ${along.k} shows its tooltip`);
    checked += 1;
  }
  assert.equal(checked, 1, 'a path that crosses another point was found');
  assert.deepEqual(errors, []);
});

test('2.4.7: with a pointer tooltip up, no focused control’s or point’s ring falls on it, at 1000 and 400 px', async (t) => {
  const hidden = [];
  for (const width of [1000, 400]) {
    for (const [view, path] of PAGES_BY_VIEW) {
      const { page, errors } = await open(t, path, { viewport: { width, height: 900 } });
      await page.$eval('#chart', (h, v) => h.chart.setView(v), view);
      await page.waitForTimeout(100);
      const n = await page.$eval('#chart', (h) => h.chart.points.length);
      for (const i of [0, Math.floor(n / 2), n - 1]) {
        // Keyboard focus on another point first, then the pointer on this one.
        await page.$eval('#chart', (h, k) => h.shadowRoot.querySelectorAll('[role=option]')[k].focus(), i === 0 ? 1 : 0);
        const spot = (await spots(page))[i];
        if (!spot) continue;
        await page.mouse.move(2, 2);
        await page.mouse.move(spot.x, spot.y, { steps: 2 });
        await page.waitForFunction((i) => document.querySelector('#chart').chart.active === i, i, { timeout: 2000 })
          .catch(() => assert.fail(`${width} ${view}: the pointer on point ${i} (keyboard focus on another) shows its tooltip`));
        const ringOnTip = () => page.$eval('#chart', (h) => {
          const a = h.shadowRoot.activeElement;
          const tip = h.shadowRoot.querySelector('.tip');
          if (!a || tip.hidden) return null;
          const r = a.getBoundingClientRect();
          const t = tip.getBoundingClientRect();
          const ring = a.getAttribute('role') === 'option' ? 6 : 4;
          const w = Math.min(r.right + ring, t.right) - Math.max(r.left - ring, t.left);
          const hh = Math.min(r.bottom + ring, t.bottom) - Math.max(r.top - ring, t.top);
          return w > 0 && hh > 0 ? `${a.getAttribute('role') || a.tagName} "${a.textContent.slice(0, 10)}"` : null;
        });
        const first = await ringOnTip();
        if (first) hidden.push(`${width} ${view} point ${i}: ${first}`);
        // Tab through the widget's controls with the tooltip still up.
        for (let n = 0; n < 12; n++) {
          await page.keyboard.press('Tab');
          const inWidget = await page.evaluate(() => document.activeElement?.id === 'chart');
          if (!inWidget) break;
          const on = await ringOnTip();
          if (on) hidden.push(`${width} ${view} point ${i}: ${on}`);
        }
        await page.keyboard.press('Escape');
      }
      assert.deepEqual(errors, []);
      await page.context().close();
    }
  }
  assert.deepEqual(hidden, []);
});

// The <passrate-chart> widget and its mount() API in headless Chromium, driven the way a
// reader drives it: mouse, touch, keyboard, legend and view buttons, resizing, screen DPR,
// bad data, several widgets on a page, markup hidden in the data, and axe-core. Every check
// reads the real DOM (through the open shadow root) or real canvas pixels (getImageData).
//
//   node --test tests/e2e/widget.test.mjs
//
// Serves the repository root, so the pages under tests/e2e/pages/ import
// /pkg/passrate-chart.js and fetch /www/data/… exactly as an embedding page would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { ROOT } from '../../scripts/setup.mjs';
import { launch } from '../../scripts/browser.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
/** Light-theme series colours. */
const COLOURS = { region: [217, 72, 15], reference: [37, 99, 194], previous: [120, 128, 138] };
const PAGES = '/tests/e2e/pages';

let server, base;

before(async () => {
  server = await serve(ROOT, 0);
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => server?.close());

/**
 * A fresh browser context (closed after the test) on `path`, waiting for body[data-ready].
 * Collects console errors and page errors.
 */
async function open(t, path, options = {}, { onPage } = {}) {
  const ctx = await launch({ viewport: { width: 1000, height: 900 }, ...options });
  t.after(() => ctx.close());
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  onPage?.(page);
  await page.goto(base + path);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return { ctx, page, errors };
}

/** Canvas backing-store and CSS sizes, pixel counts near each series colour, a hash of the pixels. */
function canvasState(page, sel = '#chart', tol = 8) {
  return page.evaluate(([sel, colours, tol]) => {
    const host = document.querySelector(sel);
    const c = host.shadowRoot.querySelector('canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
    const entries = Object.entries(colours);
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i], g = data[i + 1], b = data[i + 2];
      hash = Math.imul(hash ^ (r | (g << 8) | (b << 16) | (data[i + 3] << 24)), 16777619);
      for (const [k, [cr, cg, cb]] of entries) {
        if (Math.abs(r - cr) <= tol && Math.abs(g - cg) <= tol && Math.abs(b - cb) <= tol) counts[k]++;
      }
    }
    const box = c.getBoundingClientRect();
    return {
      width: c.width, height: c.height, cssWidth: box.width, cssHeight: box.height,
      dpr: window.devicePixelRatio, counts, hash: hash >>> 0, drawn: Number(host.dataset.drawn || 0),
    };
  }, [sel, COLOURS, tol]);
}

/** Tooltip, focus box, live region and points of the widget, with boxes in page coordinates. */
function widgetState(page, sel = '#chart') {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host.shadowRoot;
    const rect = (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
    const tip = root.querySelector('.tip');
    const focus = root.querySelector('.focus');
    const stage = root.querySelector('.stage');
    return {
      drawn: Number(host.dataset.drawn || 0),
      points: host.chart?.points ?? [],
      canvas: rect(root.querySelector('canvas')),
      stage: rect(stage),
      tipHidden: tip.hidden,
      tipDisplay: getComputedStyle(tip).display,
      tip: rect(tip),
      tipText: tip.textContent,
      tipHeading: tip.querySelector('.h')?.textContent ?? null,
      tipValue: tip.querySelector('.v')?.textContent ?? null,
      tipLines: [...tip.querySelectorAll('.l')].map((l) => l.textContent),
      focusHidden: focus.hidden,
      focusDisplay: getComputedStyle(focus).display,
      focus: rect(focus),
      live: root.querySelector('[aria-live]')?.textContent ?? null,
      stageFocused: root.activeElement === stage,
      stageFocusVisible: stage.matches(':focus-visible'),
      active: host.chart?.active,
    };
  }, sel);
}

/** The centre of a point, in page (viewport) coordinates. */
function centre(state, p) {
  return { x: state.canvas.x + p.x + p.w / 2, y: state.canvas.y + p.y + p.h / 2 };
}

/** Horizontal distance between two boxes (0 when they overlap horizontally). */
function gapX(a, b) {
  return Math.max(0, a.x - (b.x + b.w), b.x - (a.x + a.w));
}
function gapY(a, b) {
  return Math.max(0, a.y - (b.y + b.h), b.y - (a.y + a.h));
}

function inside(inner, outer, slack = 1) {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack
    && inner.x + inner.w <= outer.x + outer.w + slack && inner.y + inner.h <= outer.y + outer.h + slack;
}

const waitTip = (page, hidden, sel = '#chart') => page.waitForFunction(
  ([sel, hidden]) => document.querySelector(sel).shadowRoot.querySelector('.tip').hidden === hidden,
  [sel, hidden], { timeout: 5000 },
);

const waitDrawnAbove = (page, n, sel = '#chart') => page.waitForFunction(
  ([sel, n]) => Number(document.querySelector(sel).dataset.drawn || 0) > n, [sel, n], { timeout: 5000 },
);

// ─── 1 ───────────────────────────────────────────────────────────────────────────────────────
test('hover: the tooltip of the derived province point shows value, area and provenance, without a redraw', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const s0 = await widgetState(page);
  assert.equal(s0.points.length, 5, 'five points in the compare view');
  const i = s0.points.findIndex((p) => p.series === 'reference' && p.tier === 0);
  assert.ok(i >= 0, 'a 一本线 reference point exists');
  const p = s0.points[i];
  assert.equal(p.value, '14.8%');
  assert.equal(p.heading, '一本线 · 山西省 · 2019年');
  assert.equal(s0.tipHidden, true, 'no tooltip before hovering');

  const c = centre(s0, p);
  await page.mouse.move(c.x - 40, c.y - 40);
  await page.mouse.move(c.x, c.y, { steps: 4 });
  await waitTip(page, false);
  const s1 = await widgetState(page);
  assert.notEqual(s1.tipDisplay, 'none', 'tooltip is displayed');
  assert.equal(s1.tipHeading, '一本线 · 山西省 · 2019年');
  assert.equal(s1.tipValue, '14.8%');
  assert.match(s1.tipText, /14\.8%/);
  assert.match(s1.tipText, /山西省/);
  assert.ok(s1.tipLines.some((l) => l.includes('推算')), `a provenance line says 推算: ${JSON.stringify(s1.tipLines)}`);
  assert.equal(s1.active, i, 'the hovered point is the active one');

  const pointBox = { x: s1.canvas.x + p.x, y: s1.canvas.y + p.y, w: p.w, h: p.h };
  assert.ok(s1.tip.w > 0 && s1.tip.h > 0, 'tooltip has a size');
  assert.ok(inside(s1.tip, s1.stage), `tooltip ${JSON.stringify(s1.tip)} inside the stage ${JSON.stringify(s1.stage)}`);
  assert.ok(gapX(s1.tip, pointBox) <= 40, `tooltip within 40px horizontally of the point (gap ${gapX(s1.tip, pointBox)})`);
  assert.ok(gapY(s1.tip, pointBox) <= 40, `tooltip within 40px vertically of the point (gap ${gapY(s1.tip, pointBox)})`);
  assert.equal(s1.drawn, s0.drawn, 'hovering does not redraw the canvas');

  // Leave the chart: over the page heading, outside the widget.
  await page.mouse.move(c.x, c.y - 80, { steps: 3 });
  await page.mouse.move(5, 5, { steps: 3 });
  await waitTip(page, true);
  const s2 = await widgetState(page);
  assert.equal(s2.tipHidden, true, 'tooltip hidden after the mouse leaves');
  assert.equal(s2.tipDisplay, 'none');
  assert.equal(s2.drawn, s0.drawn, 'leaving does not redraw');
  assert.deepEqual(errors, []);
});

// ─── 2 ───────────────────────────────────────────────────────────────────────────────────────
test('touch: tapping a point shows its tooltip, tapping outside or the same point again hides it', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  });
  const s0 = await widgetState(page);
  assert.equal(s0.points.length, 5);
  const i = s0.points.findIndex((p) => p.series === 'region' && p.tier === 1);
  const p = s0.points[i];
  const c = centre(s0, p);
  assert.ok(c.y > 0 && c.y < 844 && c.x > 0 && c.x < 390, `point centre ${JSON.stringify(c)} in the viewport`);

  await page.touchscreen.tap(c.x, c.y);
  await waitTip(page, false);
  let s = await widgetState(page);
  assert.equal(s.tipValue, '48.6%', 'the tapped point is shown');
  assert.equal(s.active, i);
  assert.ok(inside(s.tip, s.stage), 'tooltip inside the stage');

  // Tap the page outside the chart.
  const out = await page.locator('#outside').boundingBox();
  await page.touchscreen.tap(out.x + 10, out.y + out.height / 2);
  await waitTip(page, true);
  s = await widgetState(page);
  assert.equal(s.tipHidden, true, 'tapping outside the chart hides the tooltip');

  // Tap the point, then the same point again.
  await page.touchscreen.tap(c.x, c.y);
  await waitTip(page, false);
  await page.touchscreen.tap(c.x, c.y);
  await waitTip(page, true);
  s = await widgetState(page);
  assert.equal(s.tipHidden, true, 'tapping the same point again hides the tooltip');
  assert.equal(s.drawn, s0.drawn, 'taps do not redraw');
  assert.deepEqual(errors, []);
});

// ─── 3 ───────────────────────────────────────────────────────────────────────────────────────
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

// ─── 4 ───────────────────────────────────────────────────────────────────────────────────────
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

// ─── 5 ───────────────────────────────────────────────────────────────────────────────────────
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

// ─── 6 ───────────────────────────────────────────────────────────────────────────────────────
test('resize: 320 px wide fits without overflow and stays sharp; back to 1000 px; no redraw loop', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const wide = await canvasState(page);
  const start = wide.drawn;

  await page.setViewportSize({ width: 320, height: 800 });
  await page.waitForFunction(() => {
    const c = document.querySelector('#chart').shadowRoot.querySelector('canvas');
    const w = c.getBoundingClientRect().width;
    return w <= 320 && c.width === Math.round(w * devicePixelRatio);
  }, null, { timeout: 5000 });
  const narrow = await canvasState(page);
  const hostW = await page.evaluate(() => document.querySelector('#chart').getBoundingClientRect().width);
  assert.ok(hostW <= 320, `host is ${hostW}px wide`);
  assert.equal(narrow.width, Math.round(narrow.cssWidth * narrow.dpr), 'backing store width = CSS width × dpr');
  assert.equal(narrow.height, Math.round(narrow.cssHeight * narrow.dpr), 'backing store height = CSS height × dpr');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const widgetOverflow = await page.evaluate(() => {
    const host = document.querySelector('#chart');
    const hr = host.getBoundingClientRect();
    return [...host.shadowRoot.querySelectorAll('figure *')]
      .filter((e) => !e.closest('.sr-only') && !e.closest('[hidden]'))
      .map((e) => ({ e: e.tagName + '.' + e.className, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.right > hr.right + 1 || r.left < hr.left - 1))
      .map(({ e, r }) => `${e} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
  });
  assert.deepEqual(widgetOverflow, [], 'nothing in the widget sticks out of the host');
  assert.ok(narrow.counts.region > 300, `region colour drawn at 320px (${narrow.counts.region} px)`);

  // Idle: no further draws (no ResizeObserver loop).
  await page.waitForTimeout(500);
  const idle = await canvasState(page);
  assert.equal(idle.drawn, narrow.drawn, `no draws while idle (${narrow.drawn} → ${idle.drawn})`);

  await page.setViewportSize({ width: 1000, height: 900 });
  await page.waitForFunction((w) => {
    const c = document.querySelector('#chart').shadowRoot.querySelector('canvas');
    return c.getBoundingClientRect().width > w && c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio);
  }, narrow.cssWidth, { timeout: 5000 });
  const back = await canvasState(page);
  assert.ok(back.width > narrow.width, `canvas wider again (${narrow.width} → ${back.width})`);
  assert.equal(back.cssWidth, wide.cssWidth, 'same CSS width as at first');
  await page.waitForTimeout(500);
  const final = await canvasState(page);
  assert.equal(final.drawn, back.drawn, 'no draws while idle after widening');
  assert.equal(final.hash, wide.hash, 'same pixels as at first');
  assert.ok(final.drawn - start <= 4, `two resizes cost ${final.drawn - start} draws`);
  assert.deepEqual(errors, []);
});

// ─── 7 ───────────────────────────────────────────────────────────────────────────────────────
for (const dpr of [1, 2]) {
  test(`dpr ${dpr}: the canvas backing store is its CSS size × ${dpr}`, async (t) => {
    const { page, errors } = await open(t, `${PAGES}/one.html`, { deviceScaleFactor: dpr });
    const s = await canvasState(page);
    assert.equal(s.dpr, dpr);
    assert.ok(s.cssWidth > 0 && s.cssHeight > 0);
    assert.equal(s.width, Math.round(s.cssWidth * dpr), `width ${s.width} vs CSS ${s.cssWidth}`);
    assert.equal(s.height, Math.round(s.cssHeight * dpr), `height ${s.height} vs CSS ${s.cssHeight}`);
    assert.ok(s.counts.region > 1000 * dpr * dpr, `region drawn (${s.counts.region} px)`);
    // Hit boxes are in CSS px: every point lies inside the canvas.
    const { points, canvas } = await widgetState(page);
    for (const p of points) {
      assert.ok(p.x >= 0 && p.y >= 0 && p.x + p.w <= canvas.w + 1 && p.y + p.h <= canvas.h + 1, `${p.heading} inside the canvas`);
    }
    assert.deepEqual(errors, []);
  });
}

// ─── 8 ───────────────────────────────────────────────────────────────────────────────────────
test('error box: invalid inline data names the field, logs an error, and the other widget still draws', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/error.html`);
  const bad = await page.evaluate(() => {
    const host = document.querySelector('#bad');
    const root = host.shadowRoot;
    const box = root.querySelector('.error[role=alert]');
    return {
      event: host.dataset.event, chart: !!host.chart, text: box?.textContent ?? null,
      visible: !!box && box.getBoundingClientRect().height > 0, canvas: !!root.querySelector('canvas'),
    };
  });
  assert.equal(bad.event, 'error', 'the bad widget dispatched "error"');
  assert.equal(bad.chart, false);
  assert.ok(bad.text, 'an .error[role=alert] box is shown');
  assert.ok(bad.visible, 'the error box is visible');
  assert.match(bad.text, /years\[0\]\.tiers\[1\]\.rate/, `error names the field: "${bad.text}"`);
  assert.match(bad.text, /abc/);
  assert.match(bad.text, /应为 0 到 100 之间的百分数/, `the reader's message is in the page's language: "${bad.text}"`);
  assert.equal(bad.canvas, false, 'no canvas in the error state');
  assert.ok(errors.some((e) => e.includes('years[0].tiers[1].rate')), `console.error names the field: ${JSON.stringify(errors)}`);

  const good = await page.evaluate(() => document.querySelector('#good').dataset.event);
  assert.equal(good, 'ready', 'the valid widget is ready');
  const s = await canvasState(page, '#good');
  assert.ok(s.drawn >= 1);
  assert.ok(s.counts.region > 500, `valid widget draws (${s.counts.region} region px)`);
  assert.ok(s.counts.reference > 200, `valid widget draws (${s.counts.reference} reference px)`);
  assert.equal((await widgetState(page, '#good')).points.length, 5);
});

// ─── 9 ───────────────────────────────────────────────────────────────────────────────────────
test('two widgets on one page share one wasm download and both draw', async (t) => {
  const wasm = [];
  const { page, errors } = await open(t, `${PAGES}/two.html`, { viewport: { width: 900, height: 1200 } }, {
    onPage: (p) => p.on('request', (r) => new URL(r.url()).pathname.endsWith('.wasm') && wasm.push(r.url())),
  });
  assert.equal(wasm.length, 1, `the .wasm file is requested exactly once: ${JSON.stringify(wasm)}`);
  const a = await canvasState(page, '#a');
  const b = await canvasState(page, '#b');
  assert.ok(a.drawn >= 1 && b.drawn >= 1, 'both widgets drew');
  assert.ok(a.counts.region > 500, `first widget draws (${a.counts.region} px)`);
  assert.ok(b.counts.region > 100, `second widget draws (${b.counts.region} px)`);
  assert.ok(b.counts.previous > 50, `second widget (change view, CSV data) draws last year (${b.counts.previous} px)`);
  assert.notEqual(a.hash, b.hash, 'two different drawings');
  const ids = await page.evaluate(() => [...document.querySelectorAll('passrate-chart')]
    .map((h) => h.shadowRoot.querySelector('.stage').id));
  assert.equal(new Set(ids).size, 2, `element ids differ between widgets: ${ids}`);
  assert.deepEqual(errors, []);
});

// ─── 10 ──────────────────────────────────────────────────────────────────────────────────────
test('XSS: markup in the data is shown as text and never becomes an element', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/xss.html`);
  const payload = '<img src=x onerror="window.__xss=1">';
  const regionPayload = '<img src=y onerror="window.__xss=2">';
  const sourcePayload = '<img src=z onerror="window.__xss=3">';
  assert.equal(await page.evaluate(() => !!document.querySelector('#chart').chart), true, 'the chart was drawn');
  // Make the tooltip and live region render the tier name too.
  await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('.stage').focus());
  await page.keyboard.press('ArrowRight');
  await waitTip(page, false);
  await page.locator('#chart .actions button[aria-expanded]').click();
  await page.waitForTimeout(300); // an <img src=x> would have failed to load and fired onerror by now

  const r = await page.evaluate(() => {
    const root = document.querySelector('#chart').shadowRoot;
    return {
      xss: window.__xss,
      imgsShadow: root.querySelectorAll('img').length,
      imgsDocument: document.querySelectorAll('img').length,
      title: root.querySelector('.title').textContent,
      rowHeads: [...root.querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent),
      caption: root.querySelector('caption').textContent,
      legend: [...root.querySelectorAll('.legend button')].map((b) => b.textContent),
      source: root.querySelector('.source').textContent,
      tip: root.querySelector('.tip .h').textContent,
      live: root.querySelector('[aria-live]').textContent,
      allElements: [...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
    };
  });
  assert.equal(r.xss, undefined, 'no script ran');
  assert.equal(r.imgsShadow, 0, 'no <img> in the shadow root');
  assert.equal(r.imgsDocument, 0, 'no <img> in the document');
  assert.ok(!r.allElements.includes('img'));
  assert.equal(r.title, payload, 'title shows the literal text');
  assert.ok(r.rowHeads.some((h) => h.startsWith(payload)), `table row shows the literal tier name: ${JSON.stringify(r.rowHeads)}`);
  assert.ok(r.caption.includes(payload), `table caption shows the literal title: ${r.caption}`);
  assert.ok(r.legend.some((l) => l.includes(regionPayload)), `legend shows the literal region: ${JSON.stringify(r.legend)}`);
  assert.ok(r.source.includes(sourcePayload), `source shows the literal name: ${r.source}`);
  assert.ok(r.tip.includes(payload), `tooltip heading shows the literal tier name: ${r.tip}`);
  assert.ok(r.live.includes(payload), 'live region reads the literal tier name');
  assert.deepEqual(errors, []);
});

// ─── 11 ──────────────────────────────────────────────────────────────────────────────────────
test('mount() API: rejects bad data naming the field; update(bad) throws and the chart keeps working; setView; destroy', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/mount.html`);
  const r = await page.evaluate(async () => {
    const { mount, Chart } = window.prc;
    const out = {};
    const bad = structuredClone(window.dataset);
    bad.years[0].tiers[0].rate = 'abc';
    try {
      await mount(document.querySelector('#bad-target'), bad);
      out.rejected = false;
    } catch (e) {
      out.rejected = { isError: e instanceof Error, message: e.message };
    }
    out.badTargetEmpty = !document.querySelector('#bad-target').shadowRoot?.childElementCount;

    const target = document.querySelector('#target');
    const chart = await mount(target, window.dataset, { lang: 'zh-CN' });
    const root = target.shadowRoot;
    out.isChart = chart instanceof Chart;
    out.points = chart.points.length;
    out.drawn0 = Number(target.dataset.drawn);
    out.tabs = [...root.querySelectorAll('[role=tab]')].map((b) => b.textContent);

    const bad2 = structuredClone(window.dataset);
    bad2.years[0].tiers[1].passed = -5;
    try {
      chart.update(bad2);
      out.updateThrew = false;
    } catch (e) {
      out.updateThrew = { isError: e instanceof Error, message: e.message };
    }
    out.pointsAfterBad = chart.points.length;
    out.titleAfterBad = root.querySelector('.title').textContent;
    chart.redraw();
    out.drawnAfterRedraw = Number(target.dataset.drawn);
    out.pointsAfterRedraw = chart.points.map((p) => p.value);

    try { chart.setView('sideways'); out.badView = false; } catch (e) { out.badView = e instanceof Error && e.message; }

    chart.setView('change');
    out.changeSeries = [...new Set(chart.points.map((p) => p.series))];
    out.changeSelected = root.querySelector('[role=tab][aria-selected=true]')?.dataset.view;

    // update() with valid JSON text works too.
    const next = structuredClone(window.dataset);
    next.title = '更新后的标题';
    chart.update(JSON.stringify(next));
    out.titleAfterUpdate = root.querySelector('.title').textContent;

    chart.destroy();
    out.afterDestroy = { shadowChildren: root.childElementCount, lightChildren: target.childElementCount, text: root.textContent };
    return out;
  });
  assert.ok(r.rejected, 'mount() with invalid data rejects');
  assert.equal(r.rejected.isError, true, 'with an Error');
  assert.match(r.rejected.message, /years\[0\]\.tiers\[0\]\.rate/, `message names the field: ${r.rejected.message}`);
  assert.equal(r.badTargetEmpty, true, 'a failed mount leaves its container empty');
  assert.equal(r.isChart, true);
  assert.equal(r.points, 5);
  assert.equal(r.drawn0, 1);
  assert.deepEqual(r.tabs, ['对比山西省', '同比变化']);
  assert.ok(r.updateThrew, 'update(bad) throws');
  assert.equal(r.updateThrew.isError, true, 'with an Error');
  assert.match(r.updateThrew.message, /years\[0\]\.tiers\[1\]\.passed/, `message names the field: ${r.updateThrew.message}`);
  assert.equal(r.pointsAfterBad, 5, 'points kept after a failed update');
  assert.equal(r.titleAfterBad, '运城市2019年高考本科达线情况');
  assert.equal(r.drawnAfterRedraw, r.drawn0 + 1, 'redraw() draws');
  assert.deepEqual(r.pointsAfterRedraw, ['15.5%', '14.8%', '16.2%', '48.6%', '45.2%'], 'the old data is still drawn');
  assert.ok(r.badView && /view/.test(r.badView), `setView('sideways') throws: ${r.badView}`);
  assert.ok(r.changeSeries.includes('previous'), `change view points: ${r.changeSeries}`);
  assert.equal(r.changeSelected, 'change');
  assert.equal(r.titleAfterUpdate, '更新后的标题');
  assert.deepEqual(r.afterDestroy, { shadowChildren: 0, lightChildren: 0, text: '' }, 'destroy() empties the container');
  assert.deepEqual(errors, []);
});

// ─── 12 ──────────────────────────────────────────────────────────────────────────────────────
function formatViolations(violations) {
  return violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`).join('\n')}`).join('\n');
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

test('axe-core: the demo page has no violations', async (t) => {
  const { page, errors } = await open(t, '/www/index.html', { viewport: { width: 900, height: 1200 } });
  const drawn = await page.$$eval('passrate-chart', (hosts) => hosts.map((h) => !!h.chart));
  assert.deepEqual(drawn, [true, true, true], 'all three demo charts drawn');
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe violations on /www/index.html:\n${formatViolations(violations)}`);
  assert.deepEqual(errors, []);
});

test('axe-core: one widget with its data table expanded and a tooltip open has no violations', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  await page.locator('#chart .actions button[aria-expanded]').click();
  assert.equal(await page.locator('#chart .actions button[aria-expanded]').getAttribute('aria-expanded'), 'true');
  await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('.stage').focus());
  await page.keyboard.press('ArrowRight');
  await waitTip(page, false);
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe violations on one.html (table open):\n${formatViolations(violations)}`);
  assert.deepEqual(errors, []);
});

// ─── 13 ──────────────────────────────────────────────────────────────────────────────────────
test('data table: in the accessibility tree while collapsed; 查看数据 expands it; caption, headers, derived badge', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const button = page.locator('#chart .actions button[aria-expanded]');
  const collapsed = await page.evaluate(() => {
    const root = document.querySelector('#chart').shadowRoot;
    const wrap = root.querySelector('.table-wrap');
    const b = root.querySelector('.actions button[aria-expanded]');
    const cs = getComputedStyle(wrap);
    return {
      srOnly: wrap.classList.contains('sr-only'), table: !!wrap.querySelector('table'), display: cs.display,
      visibility: cs.visibility, ariaHidden: wrap.closest('[aria-hidden]')?.getAttribute('aria-hidden') ?? null,
      controls: b.getAttribute('aria-controls') === wrap.id, expanded: b.getAttribute('aria-expanded'), label: b.textContent,
    };
  });
  assert.deepEqual(collapsed, {
    srOnly: true, table: true, display: 'block', visibility: 'visible', ariaHidden: null,
    controls: true, expanded: 'false', label: '查看数据',
  });
  // Role-based queries skip content hidden from assistive technology; sr-only content counts.
  assert.equal(await page.getByRole('table').count(), 1, 'the table is exposed to assistive technology while collapsed');
  assert.equal(await page.getByRole('row', { name: /一本线/ }).count(), 1, 'its 一本线 row is exposed too');

  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await button.textContent(), '收起数据');
  const t1 = await page.evaluate(() => {
    const root = document.querySelector('#chart').shadowRoot;
    const wrap = root.querySelector('.table-wrap');
    const table = wrap.querySelector('table');
    const rows = [...table.querySelectorAll('tbody tr')];
    const first = rows.find((tr) => tr.cells[0].textContent.startsWith('一本线'));
    const derived = first && [...first.cells].find((c) => c.firstChild?.textContent === '14.8%');
    return {
      srOnly: wrap.classList.contains('sr-only'),
      height: wrap.getBoundingClientRect().height,
      caption: table.caption?.textContent ?? '',
      colHeads: [...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent]),
      firstCell: first ? [first.cells[0].tagName, first.cells[0].getAttribute('scope'), first.cells[0].textContent] : null,
      derived: derived ? { text: derived.textContent, badge: derived.querySelector('.badge')?.textContent ?? null, title: derived.title } : null,
    };
  });
  assert.equal(t1.srOnly, false, 'sr-only removed');
  assert.ok(t1.height > 50, `table visible (${t1.height}px tall)`);
  assert.match(t1.caption, /运城市2019年高考本科达线情况/);
  assert.ok(t1.colHeads.length >= 3, 'column headers');
  for (const [scope, text] of t1.colHeads) assert.equal(scope, 'col', `header "${text}" has scope=col`);
  assert.deepEqual(t1.firstCell, ['TH', 'row', '一本线']);
  assert.ok(t1.derived, 'a cell shows 14.8%');
  assert.equal(t1.derived.badge, '推算', 'the derived cell carries a 推算 badge');
  assert.match(t1.derived.text, /^14\.8%推算/);
  assert.equal(await page.getByRole('table', { name: /运城市2019年高考本科达线情况/ }).count(), 1, 'the caption names the table');

  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('.table-wrap').classList.contains('sr-only')), true);
  assert.deepEqual(errors, []);
});

// ─── extra ───────────────────────────────────────────────────────────────────────────────────
// The widget reserves `height` px before it draws (host min-height). Where the chart and its
// text fit, its total height is exactly `height`, so nothing below moves when it arrives; on a
// narrow phone the text around the chart can need more, and then the widget grows to fit,
// with no gap left below it.
test('height: the widget occupies its height option where it fits, grows without gaps where it does not, and follows the attribute', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const measure = () => page.evaluate(() => {
    const host = document.querySelector('#chart');
    return {
      host: Math.round(host.getBoundingClientRect().height),
      figure: Math.round(host.shadowRoot.querySelector('figure').getBoundingClientRect().height),
      canvas: Math.round(host.shadowRoot.querySelector('canvas').getBoundingClientRect().height),
      below: Math.round(document.querySelector('#after').getBoundingClientRect().top + scrollY),
    };
  });
  const seen = {};
  seen['1000px, height 520'] = await measure();

  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('canvas').getBoundingClientRect().width <= 360);
  await page.waitForTimeout(200);
  seen['360px, height 520'] = await measure();

  await page.setViewportSize({ width: 1000, height: 900 });
  await page.waitForFunction(() => document.querySelector('#chart').shadowRoot.querySelector('canvas').getBoundingClientRect().width > 360);
  const drawn = Number(await page.evaluate(() => document.querySelector('#chart').dataset.drawn));
  await page.evaluate(() => document.querySelector('#chart').setAttribute('height', '480'));
  await waitDrawnAbove(page, drawn);
  await page.waitForTimeout(100);
  seen['1000px, height 480'] = await measure();
  assert.deepEqual(errors, []);

  const narrow = seen['360px, height 520'];
  assert.ok(Math.abs(narrow.host - narrow.figure) <= 1 && narrow.figure >= 519, `narrow: host ${narrow.host}px, figure ${narrow.figure}px`);
  const want = { '1000px, height 520': 520, '1000px, height 480': 480 };
  const wrong = Object.entries(want)
    .filter(([k, h]) => Math.abs(seen[k].host - h) > 1 || Math.abs(seen[k].figure - h) > 1)
    .map(([k, h]) => `${k}: host ${seen[k].host}px, figure ${seen[k].figure}px (canvas ${seen[k].canvas}px), want ${h}px`);
  assert.deepEqual(wrong, [], `the widget's height differs from its height option:\n  ${wrong.join('\n  ')}`);
});

// ─── hidden containers and server-side rendering ─────────────────────────────────────────────
test('hidden tab: a widget in a hidden container draws correctly once it is shown', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/hidden.html`);
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => Number(document.querySelector('#chart').dataset.drawn || 0));
  assert.equal(before, 0, 'nothing is drawn into a 0-px container');
  await page.click('#show');
  await waitDrawnAbove(page, 0);
  const s = await canvasState(page);
  assert.ok(s.cssWidth > 300, `drawn at its visible width (${s.cssWidth}px)`);
  assert.equal(s.width, Math.round(s.cssWidth * 1));
  assert.ok(s.counts.region > 500 && s.counts.reference > 200, JSON.stringify(s.counts));
  assert.deepEqual(errors, []);
});

test('server-side rendering: importing the module outside a browser touches no browser global', async () => {
  const mod = await import('../../pkg/passrate-chart.js');
  assert.equal(typeof mod.mount, 'function');
  assert.equal(typeof mod.PassrateChartElement, 'function');
  assert.equal(typeof globalThis.customElements, 'undefined', 'node has no custom elements registry');
});

// ─── recovery from a panic in the shared wasm instance ───────────────────────────────────────
test('a panic in one widget: it shows an error box, the others move to a fresh instance and keep working', async (t) => {
  const wasmLoads = [];
  const { page, errors } = await open(t, `${PAGES}/two.html`, { viewport: { width: 900, height: 1400 } }, {
    onPage: (p) => p.on('request', (r) => r.url().endsWith('.wasm') && wasmLoads.push(r.url())),
  });
  const [a, b] = await page.$$eval('passrate-chart', (hs) => hs.map((h) => `#${h.id}`));
  const before = Number(await page.$eval(b, (h) => h.dataset.drawn));
  const thrown = await page.$eval(a, (h) => {
    try {
      h.chart._panicForTests();
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(thrown, /internal error: a panic requested by a test/);
  await waitDrawnAbove(page, before, b);
  const state = await page.evaluate(([a, b]) => {
    const ha = document.querySelector(a);
    const hb = document.querySelector(b);
    return {
      errorBox: ha.shadowRoot.querySelector('.error[role=alert]')?.textContent ?? null,
      points: hb.chart.points.length,
      canvas: hb.shadowRoot.querySelector('canvas')?.width ?? 0,
    };
  }, [a, b]);
  assert.match(state.errorBox, /The chart engine failed and was restarted/);
  assert.ok(state.points > 0 && state.canvas > 0, JSON.stringify(state));
  const s = await canvasState(page, b);
  assert.ok(s.counts.region > 100, `the healthy widget is drawn again (${s.counts.region} px)`);
  // It still answers the pointer: hover its first point.
  const pt = await page.$eval(b, (h) => {
    const r = h.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const p = h.chart.points[0];
    return { x: r.left + p.x + p.w / 2, y: r.top + p.y + p.h / 2 };
  });
  await page.mouse.move(pt.x, pt.y);
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('.tip').hidden, b);
  assert.equal(wasmLoads.length, 2, `a fresh instance was instantiated: ${wasmLoads}`);
  assert.ok(errors.every((e) => /engine failed|internal error/.test(e)), errors.join('\n'));
});

// ─── the trend view ──────────────────────────────────────────────────────────────────────────
test('trend view: a tab only for three or more years, one point per year, derived years hollow', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/mount.html`);
  const r = await page.evaluate(async () => {
    const multi = await (await fetch('/www/data/example-multi-year.json')).json();
    const host = document.getElementById('target');
    const chart = await window.prc.mount(host, multi, { view: 'trend', height: 620 });
    const tabs = [...host.shadowRoot.querySelectorAll('[role=tab]')].map((b) => [b.textContent, b.getAttribute('aria-selected')]);
    const headings = chart.points.map((p) => p.heading);
    const c = host.shadowRoot.querySelector('canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let shade = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 253) < 3 && Math.abs(data[i + 1] - 226) < 3 && Math.abs(data[i + 2] - 212) < 3) shade++;
    const derived = chart.points.filter((p) => p.lines.some((l) => l.startsWith('推算'))).map((p) => p.heading);
    // The one-year seed has no trend tab, and asking for it is an error naming the view.
    const single = await window.prc.mount(document.getElementById('bad-target'), window.dataset);
    const singleTabs = [...document.getElementById('bad-target').shadowRoot.querySelectorAll('[role=tab]')].map((b) => b.textContent);
    let refused = null;
    try { single.setView('trend'); } catch (e) { refused = e.message; }
    return { tabs, headings, shade, derived, singleTabs, refused };
  });
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

// ─── motion ──────────────────────────────────────────────────────────────────────────────────
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

// ─── a newsroom's own colours and font ───────────────────────────────────────────────────────
test('brand: --passrate-* custom properties recolour the canvas and the legend, and set the font', async (t) => {
  const warnings = [];
  const { page, errors } = await open(t, `${PAGES}/brand.html`, {}, {
    onPage: (p) => p.on('console', (m) => m.type() === 'warning' && warnings.push(m.text())),
  });
  const r = await page.$eval('#chart', (h) => {
    const c = h.shadowRoot.querySelector('canvas');
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const count = (r, g, b) => {
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) < 4 && Math.abs(data[i + 1] - g) < 4 && Math.abs(data[i + 2] - b) < 4) n++;
      return n;
    };
    const swatch = getComputedStyle(h.shadowRoot.querySelector('[data-series="region"] .sw')).backgroundColor;
    return { green: count(0, 128, 0), orange: count(217, 72, 15), purple: count(120, 0, 160), font: ctx.font, swatch, figureFont: getComputedStyle(h.shadowRoot.querySelector('figure')).fontFamily };
  });
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
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const r = await page.$eval('#chart', (h) => {
    const legend = h.shadowRoot.querySelector('[data-series="region"]');
    const before = Number(h.dataset.drawn);
    h.chart.redraw();
    const same = h.shadowRoot.querySelector('[data-series="region"]') === legend;
    const draws = Number(h.dataset.drawn) - before;
    h.style.setProperty('--passrate-region', '#008000');
    h.chart.redraw();
    const swatch = getComputedStyle(h.shadowRoot.querySelector('[data-series="region"] .sw')).backgroundColor;
    return { same, draws, swatch };
  });
  assert.equal(r.same, true, 'the legend was not rebuilt by a plain redraw');
  assert.equal(r.draws, 1);
  assert.equal(r.swatch, 'rgb(0, 128, 0)');
  assert.deepEqual(errors, []);
});

// The widget under a mouse and a finger: hovering a point shows its tooltip beside it, inside
// the stage, without a redraw; tapping shows it, tapping outside or the same point hides it.
//
//   node --test --test-concurrency=1 tests/e2e/pointer.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTED, PAGES, centre, gapX, gapY, inside, useServer, waitTip, widgetState } from './helpers.mjs';

const { open } = useServer();

test('hover: the tooltip of the derived province point shows value, area and provenance, without a redraw', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, {}, COUNTED);
  const s0 = await widgetState(page);
  assert.ok(s0.paints >= 1, `the canvas's paints are counted (${s0.paints})`);
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
  assert.ok(inside(s1.tip, s1.figure), `tooltip ${JSON.stringify(s1.tip)} inside the widget ${JSON.stringify(s1.figure)}`);
  // Beside the point where that hides no other point; else clear of them (wcag.test.mjs, 1.4.13).
  assert.ok(gapX(s1.tip, pointBox) + gapY(s1.tip, pointBox) > 0, 'the tooltip does not cover its own point');
  assert.equal(s1.paints, s0.paints, 'hovering does not redraw the canvas');

  // Leave the chart: over the page heading, outside the widget.
  await page.mouse.move(c.x, c.y - 80, { steps: 3 });
  await page.mouse.move(5, 5, { steps: 3 });
  await waitTip(page, true);
  const s2 = await widgetState(page);
  assert.equal(s2.tipHidden, true, 'tooltip hidden after the mouse leaves');
  assert.equal(s2.tipDisplay, 'none');
  assert.equal(s2.paints, s0.paints, 'leaving does not redraw');
  assert.deepEqual(errors, []);
});

test('touch: tapping a point shows its tooltip, tapping outside or the same point again hides it', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  }, COUNTED);
  const s0 = await widgetState(page);
  assert.ok(s0.paints >= 1, `the canvas's paints are counted (${s0.paints})`);
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
  assert.ok(inside(s.tip, s.figure), 'tooltip inside the widget');

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
  assert.equal(s.paints, s0.paints, 'taps do not redraw');
  assert.deepEqual(errors, []);
});

// The widget's size: resizing to 320 px and back, the canvas backing store at
// devicePixelRatio 1 and 2, the height option, and a container hidden until later.
//
//   node --test --test-concurrency=1 tests/e2e/sizing.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNT_PAINTS, PAGES, canvasState, paints, useServer, waitDrawnAbove, widgetState } from './helpers.mjs';

const { open } = useServer();

test('resize: 320 px wide fits without overflow and stays sharp; back to 1000 px; no redraw loop', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`, {}, { onPage: (p) => p.addInitScript(COUNT_PAINTS) });
  const wide = await canvasState(page);
  // Canvas paints, not the widget's own counter: two draws in one frame are two.
  const start = wide.paints;

  await page.setViewportSize({ width: 320, height: 800 });
  await page.waitForFunction(() => {
    const c = document.querySelector('#chart').shadowRoot.querySelector('canvas');
    const w = c.getBoundingClientRect().width;
    return w <= 320 && c.width === Math.round(w * devicePixelRatio);
  }, null, { timeout: 5000 });
  const narrow = await canvasState(page);
  assert.ok(narrow.paints > start, `the resize to 320 px painted the canvas (${start} → ${narrow.paints} paints)`);
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
  assert.equal(idle.paints, narrow.paints, `no draws while idle (${narrow.paints} → ${idle.paints})`);

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
  assert.equal(final.paints, back.paints, 'no draws while idle after widening');
  assert.equal(final.hash, wide.hash, 'same pixels as at first');
  // One paint per resize: the widget draws at most once per animation frame, and a resize
  // settles in one (two paints for two draws in one frame would show here).
  assert.ok(final.paints - start <= 2, `two resizes cost ${final.paints - start} canvas paints`);
  assert.deepEqual(errors, []);
});

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

test('hidden tab: a widget in a hidden container draws correctly once it is shown', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/hidden.html`, {}, { onPage: (p) => p.addInitScript(COUNT_PAINTS) });
  await page.waitForTimeout(300);
  assert.equal(await paints(page, null), 0, 'nothing is painted into a 0-px container');
  await page.click('#show');
  await waitDrawnAbove(page, 0);
  const s = await canvasState(page);
  assert.equal(s.paints, 1, 'shown, it is painted once');
  assert.ok(s.cssWidth > 300, `drawn at its visible width (${s.cssWidth}px)`);
  assert.equal(s.width, Math.round(s.cssWidth * 1));
  assert.ok(s.counts.region > 500 && s.counts.reference > 200, JSON.stringify(s.counts));
  assert.deepEqual(errors, []);
});

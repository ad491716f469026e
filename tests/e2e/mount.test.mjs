// mount() into any element a page may have: a <figure>, <li> or <td> (no shadow root of their
// own: the chart goes in an inner <div data-passrate-host>), a <section> or <p> (their own),
// custom elements with and without a shadow root, a container whose children must stay, the
// same container twice, and destroy() giving the container back as it was.
//
//   node --test --test-concurrency=1 tests/e2e/mount.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, PALETTE, useServer } from './helpers.mjs';

const { open } = useServer();
const PAGE = `${PAGES}/mount-any.html`;

/** Container id → whether the chart lives in an inner <div data-passrate-host>. */
const CASES = { figure: true, li: true, td: true, section: false, p: false, card: true, plain: false, children: true };

/** Mounts a chart in each of `ids`; they are kept in window.charts by id. */
const mountAll = (page, ids, options = {}) => page.evaluate(([ids, options]) => Promise.all(ids.map(async (id) => {
  window.charts ??= {};
  window.charts[id] = await window.prc.mount(document.getElementById(id), window.dataset, { height: 420, ...options });
})), [ids, options]);

/** The chart in container `id`: where it lives, its canvas's size and region-colour pixels. */
const chartIn = (page, id) => page.evaluate(([id, [r, g, b]]) => {
  const c = document.getElementById(id);
  const inner = c.querySelector(':scope > [data-passrate-host]');
  const root = inner?.shadowRoot ?? c.shadowRoot;
  const canvas = root?.querySelector('canvas');
  if (!canvas) return { inner: !!inner, canvases: 0 };
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let region = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r) <= 3 && Math.abs(data[i + 1] - g) <= 3 && Math.abs(data[i + 2] - b) <= 3) region++;
  }
  const box = canvas.getBoundingClientRect();
  return {
    inner: !!inner, hosts: c.querySelectorAll('[data-passrate-host]').length, canvases: root.querySelectorAll('canvas').length,
    region, width: box.width, containerWidth: c.getBoundingClientRect().width, visible: canvas.checkVisibility(),
    view: root.querySelector('[role=tab][aria-selected=true]')?.dataset.view,
  };
}, [id, PALETTE.light.region]);

/** The element that has keyboard focus, through shadow roots: its role, and whether it is in `id`'s chart. */
const focusIn = (page, id) => page.evaluate((id) => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  const c = document.getElementById(id);
  const root = c.querySelector(':scope > [data-passrate-host]')?.shadowRoot ?? c.shadowRoot;
  return { role: a?.getAttribute('role') ?? a?.localName, index: a?.dataset?.index, inChart: !!root?.contains(a), tip: root?.querySelector('.tip')?.hidden === false };
}, id);

/** The listeners on document and window, as "target type (capture)" lines, through CDP. */
async function listeners(cdp) {
  const out = [];
  for (const target of ['document', 'window']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    out.push(...found.map((l) => `${target} ${l.type}${l.useCapture ? ' (capture)' : ''}`));
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return out.sort();
}

/** What `after` has that `before` has not, counting repeats. */
function added(before, after) {
  const rest = [...before];
  return after.filter((l) => {
    const i = rest.indexOf(l);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/** One chart's document and window listeners. */
const ONE_CHART = ['document keydown (capture)', 'document pointerdown (capture)', 'window afterprint', 'window beforeprint'];

test('mount() draws in a figure, li, td, section, p and custom elements, across the container\'s width', async (t) => {
  const { page, errors } = await open(t, PAGE);
  await mountAll(page, Object.keys(CASES));
  for (const [id, inner] of Object.entries(CASES)) {
    const s = await chartIn(page, id);
    assert.equal(s.inner, inner, `${id}: ${inner ? 'an inner host' : 'its own shadow root'}`);
    assert.equal(s.canvases, 1, `${id}: one canvas`);
    assert.ok(s.visible, `${id}: the canvas is visible`);
    assert.ok(s.region > 1000, `${id}: bars in the region colour #e04f1a (${s.region} px)`);
    assert.ok(s.width > 0.8 * s.containerWidth, `${id}: the chart takes the container's width (${s.width} of ${s.containerWidth} px)`);
  }
  assert.deepEqual(errors, []);
});

test('mount() in any element: each chart is reachable by keyboard from the control before it', async (t) => {
  const { page, errors } = await open(t, PAGE);
  await mountAll(page, Object.keys(CASES));
  for (const id of Object.keys(CASES)) {
    await page.focus(`[data-before="${id}"]`);
    await page.keyboard.press('Tab');
    const first = await focusIn(page, id);
    assert.ok(first.inChart, `${id}: the next tab stop is in the chart (${first.role})`);
    let f = first;
    for (let i = 0; i < 10 && f.role !== 'option'; i++) {
      await page.keyboard.press('Tab');
      f = await focusIn(page, id);
    }
    assert.ok(f.inChart && f.role === 'option', `${id}: Tab reaches the chart's points (${JSON.stringify(f)})`);
    await page.keyboard.press('ArrowRight');
    f = await focusIn(page, id);
    assert.ok(f.inChart && f.role === 'option' && f.index === '1' && f.tip, `${id}: arrows move between points with their tooltip (${JSON.stringify(f)})`);
  }
  assert.deepEqual(errors, []);
});

test('a container with children: they stay visible, the chart comes after them', async (t) => {
  const { page, errors } = await open(t, PAGE);
  const before = await page.$eval('#children', (c) => c.innerHTML);
  await mountAll(page, ['children']);
  const r = await page.evaluate(() => {
    const c = document.querySelector('#children');
    const box = (e) => e.getBoundingClientRect();
    return {
      visible: ['#child-heading', '#child-text'].map((s) => document.querySelector(s).checkVisibility() && box(document.querySelector(s)).height > 0),
      last: c.lastElementChild.hasAttribute('data-passrate-host'),
      order: [...c.children].map((e) => e.id || e.localName),
      gap: box(c.lastElementChild).top - box(document.querySelector('#child-text')).bottom,
    };
  });
  assert.deepEqual(r.visible, [true, true]);
  assert.deepEqual(r.order, ['child-heading', 'child-text', 'div'], 'the children first, then the chart\'s host');
  assert.ok(r.gap >= 0, `the chart is below the children (${r.gap} px)`);
  assert.ok((await chartIn(page, 'children')).region > 1000, 'the chart draws');
  assert.ok((await page.$eval('#children', (c) => c.innerHTML)).startsWith(before), 'the children are untouched');
  assert.deepEqual(errors, []);
});

test('the same container twice: the second chart replaces the first, whose listeners are gone', async (t) => {
  const { page, errors } = await open(t, PAGE);
  const cdp = await page.context().newCDPSession(page);
  const none = await listeners(cdp);
  for (const id of ['twice', 'twice-td']) {
    await mountAll(page, [id]);
    const one = await listeners(cdp);
    assert.deepEqual(added(none, one), ONE_CHART, `${id}: the first chart's listeners`);
    await page.evaluate((id) => { window.first = window.charts[id]; }, id);
    await mountAll(page, [id], { view: 'change' });
    assert.deepEqual(await listeners(cdp), one, `${id}: the second chart's listeners replace the first's`);
    const s = await chartIn(page, id);
    assert.equal(s.hosts, id === 'twice' ? 0 : 1, `${id}: one host`);
    assert.equal(s.canvases, 1, `${id}: one canvas`);
    assert.equal(s.view, 'change', `${id}: the second chart is shown`);
    assert.ok(s.region > 100, `${id}: and drawn (${s.region} px)`);
    assert.equal(await page.evaluate(() => window.first.core), null, `${id}: the first chart was destroyed`);
    await page.evaluate((id) => window.charts[id].destroy(), id);
    assert.deepEqual(await listeners(cdp), none, `${id}: after destroy(), no listener is left`);
  }
  assert.deepEqual(errors, []);
});

test('destroy() gives the container back as it was: no host div, no min-height, its children', async (t) => {
  const { page, errors } = await open(t, PAGE);
  const ids = ['figure', 'td', 'section', 'card', 'children'];
  const snapshot = () => page.evaluate((ids) => ids.map((id) => {
    const c = document.getElementById(id);
    return { id, html: c.innerHTML, style: c.getAttribute('style'), shadow: c.shadowRoot?.childNodes.length ?? 0, height: c.getBoundingClientRect().height };
  }), ids);
  const before = await snapshot();
  await mountAll(page, ids);
  const during = await page.evaluate((ids) => ids.map((id) => document.getElementById(id).style.minHeight), ids);
  assert.ok(during.every((h) => parseFloat(h) >= 420), `min-height reserved while mounted: ${during}`);
  await page.evaluate((ids) => ids.forEach((id) => window.charts[id].destroy()), ids);
  const after = await snapshot();
  // <my-card>'s shadow root is its own, not the chart's: it keeps its frame and slot.
  for (const [i, b] of before.entries()) {
    assert.deepEqual({ ...after[i], style: after[i].style || null }, b, `${b.id}: as before the chart`);
  }
  assert.deepEqual(errors, []);
});

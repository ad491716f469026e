// The widget when things go wrong: the error box for bad data, markup in the data shown as
// text (XSS), the mount() API's errors, and recovery from a panic in the shared wasm instance.
//
//   node --test --test-concurrency=1 tests/e2e/errors.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, canvasState, useServer, waitDrawnAbove, waitTip, widgetState } from './helpers.mjs';

const { open } = useServer();

test('error box: invalid inline data names the field, logs an error, and the other widget still draws', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/error.html`);
  const bad = await page.evaluate(() => {
    const host = document.querySelector('#bad');
    const root = host.shadowRoot;
    const box = root.querySelector('.error[role=alert]');
    return {
      event: host.dataset.event, chart: !!host.chart, text: box?.textContent ?? null,
      visible: !!box && box.getBoundingClientRect().height > 0, canvas: !!root.querySelector('canvas'),
      height: host.getBoundingClientRect().height,
    };
  });
  assert.equal(bad.event, 'error', 'the bad widget dispatched "error"');
  assert.equal(bad.chart, false);
  assert.ok(bad.text, 'an .error[role=alert] box is shown');
  assert.ok(bad.visible, 'the error box is visible');
  // The reader gets one sentence in the page's language; the field goes to the console.
  assert.equal(bad.text, '本页第1张图表暂时无法显示。');
  assert.ok(bad.height < 120, `the box takes no more room than its sentence (${bad.height} px), no ${'520'}-px hole`);
  assert.equal(bad.canvas, false, 'no canvas in the error state');
  assert.ok(errors.some((e) => e.includes('years[0].tiers[1].rate') && e.includes('abc')), `console.error names the field: ${JSON.stringify(errors)}`);
  assert.ok(errors.some((e) => e.includes('应为 0 到 100 之间的百分数')), `the console also has it in the page's language: ${JSON.stringify(errors)}`);

  const good = await page.evaluate(() => document.querySelector('#good').dataset.event);
  assert.equal(good, 'ready', 'the valid widget is ready');
  const s = await canvasState(page, '#good');
  assert.ok(s.drawn >= 1);
  assert.ok(s.counts.region > 500, `valid widget draws (${s.counts.region} region px)`);
  assert.ok(s.counts.reference > 200, `valid widget draws (${s.counts.reference} reference px)`);
  assert.equal((await widgetState(page, '#good')).points.length, 5);
});

test('XSS: markup in the data is shown as text and never becomes an element', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/xss.html`);
  const payload = '<img src=x onerror="window.__xss=1">';
  const regionPayload = '<img src=y onerror="window.__xss=2">';
  const sourcePayload = '<img src=z onerror="window.__xss=3">';
  assert.equal(await page.evaluate(() => !!document.querySelector('#chart').chart), true, 'the chart was drawn');
  // Make the tooltip and the point's option render the tier name too.
  await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('[role=option]').focus());
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
      live: root.querySelector('[role=option]').textContent,
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

test('a panic in one widget: it shows an error box, the others move to a fresh instance and keep working', async (t) => {
  const wasmLoads = [];
  const { page, errors } = await open(t, `${PAGES}/two.html`, { viewport: { width: 900, height: 1400 } }, {
    onPage: (p) => {
      p.on('request', (r) => r.url().endsWith('.wasm') && wasmLoads.push(r.url()));
      // Count the wasm instances the page makes.
      return p.addInitScript(() => {
        const instantiate = WebAssembly.instantiate;
        window.wasmInstances = 0;
        WebAssembly.instantiate = (...args) => {
          window.wasmInstances += 1;
          return instantiate.apply(WebAssembly, args);
        };
      });
    },
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
  assert.equal(state.errorBox, '图表“运城市2019年高考本科达线情况”暂时无法显示。', 'the reader is told in one sentence, which chart');
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
  assert.equal(await page.evaluate(() => window.wasmInstances), 2, 'a fresh instance was instantiated');
  assert.equal(wasmLoads.length, 1, `from the module already compiled, without a second download: ${wasmLoads}`);
  assert.ok(errors.every((e) => /engine failed|internal error/.test(e)), errors.join('\n'));
});

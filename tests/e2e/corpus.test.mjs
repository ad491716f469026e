// The bad-input corpus in headless Chromium, through the public JS API and the custom
// element: every case is an Error (or error box) naming its field, never a wasm trap, and the
// same chart then accepts valid data and draws it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATE, PAGES, ROOT, load, useServer } from './helpers.mjs';

const corpus = JSON.parse(readFileSync(join(ROOT, 'tests', 'corpus', 'bad-inputs.json'), 'utf8'));
const site = useServer();

/**
 * mount.html in a fresh context. `errors` are page errors (uncaught); `logged` the console's
 * errors, which each test holds to what it expects (an error box logs its message).
 */
async function page(t) {
  const { page: p, pageErrors: errors, errors: all } = await site.open(t, `${PAGES}/mount.html`, { viewport: { width: 900, height: 900 } });
  // openPage's `errors` holds console errors and page errors together: the console's alone.
  const logged = { get all() { return all.filter((m) => !errors.includes(m)); } };
  return { p, errors, logged };
}

test(`all ${corpus.length} corpus cases through mount() and update(), as text and as objects`, async (t) => {
  const { p, errors, logged } = await page(t);
  const failures = await p.evaluate(async ([cases, generateSrc]) => {
    const generate = (0, eval)(generateSrc);
    const seedText = JSON.stringify(window.dataset);
    const host = document.getElementById('target');
    const chart = await window.prc.mount(host, window.dataset, { height: 480 });
    const out = [];
    const check = (name, data, c) => {
      try {
        chart.update(data);
        out.push(`${name}: accepted`);
      } catch (e) {
        const trap = e instanceof WebAssembly.RuntimeError || /unreachable|internal error|RuntimeError/.test(e.message);
        const ok = c.prefix ? e.message.startsWith(c.path) : e.message.startsWith(`${c.path}: `);
        if (trap || !(e instanceof Error) || !ok) out.push(`${name}: ${e.constructor.name} "${e.message.slice(0, 160)}", want ${c.path}`);
      }
    };
    for (const c of cases) {
      const text = c.input ?? generate(seedText, c.generate);
      // Text that does not start with { or [ is read as CSV by the widget, which has no
      // format option (as load::from_text reads it): the corpus pins the CSV reader's exact
      // error for each such case in `text`, and tests/corpus.rs checks it natively too.
      const asCsv = c.format === 'json' && !/^\ufeff?\s*[[{]/.test(text);
      if (asCsv !== !!c.text) out.push(`${c.name}: read as ${asCsv ? 'CSV' : 'JSON'}, but the corpus ${c.text ? 'pins' : 'pins no'} error as text`);
      check(c.name, text, c.text ?? c);
      if (c.format === 'json' && !c.prefix && !asCsv) {
        let obj;
        try { obj = JSON.parse(text); } catch { obj = undefined; }
        if (obj !== null && typeof obj === 'object') check(`${c.name} (as an object)`, obj, c);
      }
    }
    // The same chart takes valid data and draws it.
    chart.update(seedText);
    if (chart.points.length !== 5) out.push(`after the corpus: ${chart.points.length} points`);
    return out;
  }, [corpus, GENERATE]);
  assert.deepEqual(failures, []);
  assert.deepEqual(logged.all, [], 'a refused update() throws; it logs nothing');
  assert.deepEqual(errors, []);
});

test('objects that JSON cannot express are refused, naming the field; a BigInt is read as its whole number', async (t) => {
  const { p, errors, logged } = await page(t);
  const messages = await p.evaluate(async () => {
    const d = () => structuredClone(window.dataset);
    const cyclic = d();
    cyclic.years[0].self = cyclic;
    const deep = d();
    let node = deep;
    for (let i = 0; i < 40; i++) node = node.title = { x: 1 };
    const cases = [
      (() => { const x = d(); x.years[0].tiers[1].rate = NaN; return x; })(),
      (() => { const x = d(); x.years[0].tiers[0].passed = Infinity; return x; })(),
      (() => { const x = d(); x.years[0].candidates = 10n; return x; })(),
      cyclic,
      deep,
    ];
    const out = [];
    for (const c of cases) {
      try {
        await window.prc.mount(document.getElementById('bad-target'), c);
        out.push('accepted');
      } catch (e) {
        out.push(e.message);
      }
    }
    return out;
  });
  assert.match(messages[0], /^years\[0\]\.tiers\[1\]\.rate: expected a finite number, got NaN/);
  assert.match(messages[1], /^years\[0\]\.tiers\[0\]\.passed: expected a finite number, got Infinity/);
  assert.equal(messages[2], 'years[0].tiers[0].passed: expected at most the 10 candidates, got 5872', 'the BigInt 10n is read as 10');
  assert.match(messages[3], /^years\[0\]\.self\.years\[0\]\.self\.\S*: expected JSON data .*got nested deeper than 16 levels \(does it contain itself\?\)$/);
  assert.match(messages[4], /^title(\.title)+\.x: expected JSON data .*nested deeper than 16 levels/);
  assert.deepEqual(logged.all, [], 'a refused mount() rejects; it logs nothing');
  assert.deepEqual(errors, []);
});

test('the custom element shows each error in a box naming the field', async (t) => {
  const sample = corpus.filter((c, i) => c.input !== null && i % 8 === 0 && !c.input.includes('</script'));
  const { p, errors, logged } = await page(t);
  const boxes = await p.evaluate(async (cases) => {
    const out = [];
    for (const c of cases) {
      const el = document.createElement('passrate-chart');
      el.setAttribute('lang', 'en'); // the English message carries the path exactly as the corpus writes it
      const script = document.createElement('script');
      script.type = c.format === 'csv' ? 'text/csv' : 'application/json';
      script.textContent = c.input;
      el.append(script);
      let detail = '';
      const done = new Promise((resolve) => {
        el.addEventListener('error', (e) => { detail = e.detail?.message ?? ''; resolve('error'); }, { once: true });
        el.addEventListener('ready', () => resolve('ready'), { once: true });
      });
      document.body.append(el);
      const how = await done;
      out.push({ name: c.name, path: c.path, prefix: !!c.prefix, how, detail, text: el.shadowRoot?.querySelector('.error[role=alert]')?.textContent ?? '' });
      el.remove();
    }
    return out;
  }, sample);
  assert.ok(boxes.length >= 15, `${boxes.length} elements`);
  for (const b of boxes) {
    assert.equal(b.how, 'error', `${b.name} was drawn`);
    // The reader is told in one sentence; the page's editor gets the field in the error.
    assert.equal(b.text, 'This chart cannot be shown right now.', `${b.name}: box "${b.text.slice(0, 120)}"`);
    const named = b.prefix ? b.detail.startsWith(b.path) : b.detail.startsWith(`${b.path}: `);
    assert.ok(named, `${b.name}: the error "${b.detail.slice(0, 120)}" does not name ${b.path}`);
  }
  // Each box logs its error once, for the page's editor, and nothing else is logged.
  const logs = logged.all;
  assert.equal(logs.length, boxes.length, `${logs.length} console errors for ${boxes.length} boxes`);
  boxes.forEach((b, i) => assert.ok(logs[i].startsWith(`Error: ${b.detail}`), `${b.name}: logged "${logs[i].slice(0, 160)}"`));
  assert.deepEqual(errors, []);
});

test('markup in data stays text in the error box and the playground', async (t) => {
  const { p, errors, logged } = await page(t);
  const payload = '<img src=x onerror="window.__xss=1">';
  const box = await p.evaluate(async (payload) => {
    const el = document.createElement('passrate-chart');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ title: 'T', region: 'A', years: [], [payload]: 1 });
    el.append(script);
    const done = new Promise((r) => el.addEventListener('error', r, { once: true }));
    document.body.append(el);
    const e = await done;
    await new Promise((r) => setTimeout(r, 100));
    return { text: el.shadowRoot.querySelector('.error').textContent, detail: e.detail.message, imgs: el.shadowRoot.querySelectorAll('img').length, xss: window.__xss };
  }, payload);
  assert.equal(box.text, '这张图表暂时无法显示。');
  assert.ok(box.detail.includes(payload), box.detail);
  assert.equal(box.imgs, 0);
  assert.equal(box.xss, undefined);
  await load(p, `${site.base}/www/playground.html`);
  const text = await p.inputValue('#data');
  await p.fill('#data', text.replace('"title": "运城市2019年高考本科达线情况"', `"title": ${JSON.stringify(payload)}`).replace('"rate": 48.6', `"rate": ${JSON.stringify(payload)}`));
  await p.waitForFunction(() => document.querySelector('#status').classList.contains('bad'));
  assert.ok((await p.textContent('#status')).includes(payload));
  await p.fill('#data', text.replace('"title": "运城市2019年高考本科达线情况"', `"title": ${JSON.stringify(payload)}`));
  await p.waitForFunction(() => document.querySelector('#status').classList.contains('good'));
  const shown = await p.$eval('#chart', (d) => ({ title: d.shadowRoot.querySelector('.title').textContent, imgs: d.shadowRoot.querySelectorAll('img').length }));
  assert.equal(shown.title, payload);
  assert.equal(shown.imgs, 0);
  assert.equal(await p.$$eval('img', (i) => i.length), 0);
  assert.equal(await p.evaluate(() => window.__xss), undefined);
  // The error box logged its error, as text; the playground logged nothing.
  assert.deepEqual(logged.all.map((m) => m.split('\n')[0]), [`${payload}: unknown field; expected one of version, title, region, reference, source, years, regions, reference_years`]);
  assert.deepEqual(errors, []);
});

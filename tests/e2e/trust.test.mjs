// Every number a reader meets is the number under it, at the precision it was written, with
// its true provenance: in headless Chromium, on the painted canvas and the widget's DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, useServer } from './helpers.mjs';

const srv = useServer();

/** A page with `mount()` and the seed dataset (tests/e2e/pages/mount.html). */
const mountPage = (t, options) => srv.open(t, `${PAGES}/mount.html`, options);

/** `n` tiers T1…Tn with rates that differ, as a JS object. */
const DENSE = `(n) => ({ title: 'dense', region: 'A', reference: 'B', years: [{ year: 2024, tiers:
  Array.from({ length: n }, (_, k) => ({ tier: 'T' + (k + 1), rate: 10 + ((k + 1) % 50) + ((k + 1) % 10) / 10,
    vs_reference_pp: ((k % 9) + 1) / 10 })) }] })`;

/**
 * Mounts `data` (a JS expression) in a `width`-px target and, for every point: its option's
 * box, the colour painted at its mark's centre, and the tooltip a hover at its centre shows.
 */
async function mountAndProbe(page, width, data, hover = true) {
  return page.evaluate(async ([width, data, hover]) => {
    const target = document.querySelector('#target');
    target.style.width = `${width}px`;
    const chart = await window.prc.mount(target, (0, eval)(data), { height: 600 });
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const root = target.shadowRoot ?? target.querySelector('[data-passrate-host]').shadowRoot;
    const canvas = root.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const dpr = canvas.width / canvas.getBoundingClientRect().width;
    const bg = ctx.getImageData(1, 1, 1, 1).data;
    const r = canvas.getBoundingClientRect();
    const out = [];
    for (const [i, p] of chart.points.entries()) {
      const cx = p.mark.x + p.mark.w / 2;
      const cy = p.mark.y + p.mark.h / 2;
      const px = ctx.getImageData(Math.floor(cx * dpr), Math.floor(cy * dpr), 1, 1).data;
      let tip = null;
      if (hover && i % 7 === 0) {
        const e = { clientX: r.left + cx, clientY: r.top + cy };
        const at = chart._hitAt(e);
        chart._show(at, 'pointer');
        tip = root.querySelector('.tip .h')?.textContent ?? null;
      }
      out.push({ heading: p.heading, key: p.key, painted: Math.abs(px[0] - bg[0]) + Math.abs(px[1] - bg[1]) + Math.abs(px[2] - bg[2]) > 30, tip });
    }
    const options = root.querySelectorAll('[role=option]').length;
    chart.destroy();
    return { out, options };
  }, [width, data, hover]);
}

for (const [width, dpr] of [[800, 2], [320, 2], [640, 1], [1200, 3]]) {
  test(`dense data (300 tiers) at ${width} px, dpr ${dpr}: every point is the bar painted under it`, async (t) => {
    const { page, errors } = await mountPage(t, { deviceScaleFactor: dpr, viewport: { width: Math.max(width + 40, 400), height: 900 } });
    const { out, options } = await mountAndProbe(page, width, `(${DENSE})(300)`);
    assert.deepEqual(errors, [], 'no error (a point without its box threw before)');
    assert.ok(out.length > 10, `${out.length} points`);
    assert.equal(options, Math.min(out.length, 200), 'one option per point, in a window of at most 200');
    const region = out.filter((p) => p.key.startsWith('region:'));
    const step = Number(region[1].key.split(':')[1]) - Number(region[0].key.split(':')[1]);
    region.forEach((p, k) => {
      assert.equal(p.heading.split(' · ')[0], `T${k * step + 1}`, `point ${k} names the group drawn`);
    });
    const unpainted = out.filter((p) => !p.painted);
    assert.deepEqual(unpainted.map((p) => p.key), [], 'a mark is painted under every point');
    const wrong = out.filter((p) => p.tip !== null && p.tip !== p.heading);
    assert.deepEqual(wrong, [], 'hovering a mark shows its own point');
    if (width === 800 && dpr === 2) assert.equal(region.length, 300, 'at 800 px and dpr 2 all 300 are drawn, and all are points');
    if (width === 320) assert.ok(region.length < 300, 'at 320 px one group in several is drawn, and those are the points');
  });
}

test('a JS number keeps the precision its field is written with; a derived one takes its inputs\' significant decimals', async (t) => {
  const { page, errors } = await mountPage(t);
  const r = await page.evaluate(async () => {
    const target = document.querySelector('#target');
    const data = { title: 'T', region: 'A', reference: 'B', years: [{ year: 2024, candidates: 42318, tiers: [
      { tier: '一本线', passed: 7906, rate: 18.0, vs_reference_pp: 0.8 },
      { tier: '二本线', rate: 48.6, vs_reference_pp: 3.4 },
    ] }] };
    const chart = await window.prc.mount(target, data, {});
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const root = target.shadowRoot ?? target.querySelector('[data-passrate-host]').shadowRoot;
    const res = {
      values: chart.points.map((p) => p.value),
      notes: [...root.querySelectorAll('ol.notes li')].map((l) => l.textContent),
      summary: root.querySelector('[id$=summary]').textContent,
    };
    chart.destroy();
    return res;
  });
  assert.deepEqual(errors, []);
  assert.ok(r.values.includes('18.0%') && r.values.includes('17.2%'), `18.0 stays 18.0, 18.0 − 0.8 is 17.2: ${r.values}`);
  assert.ok(!r.values.includes('18%'), `${r.values}`);
  assert.match(r.summary, /达线率18\.0%/);
  assert.equal(r.notes.length, 1, `${r.notes}`);
  assert.match(r.notes[0], /7,906 ÷ 42,318 = 18\.7%，与公布的达线率 18\.0% 不一致（相差 0\.7 个百分点）/);
});

test('the source links to its address; quotes are in the table beside their numbers', async (t) => {
  const { page, errors } = await mountPage(t);
  const r = await page.evaluate(async () => {
    const target = document.querySelector('#target');
    const data = { version: 2, title: 'T', region: 'A', reference: 'B',
      source: { name: '泽川市教育局', date: '2024-06-26', url: 'https://example.org/news/1' },
      years: [{ year: 2024, candidates: 42318, quotes: { candidates: '共有42,318名考生参加高考' }, tiers: [
        { tier: '一本线', passed: 7906, rate: 18.7, vs_reference_pp: 2.3,
          quotes: { passed: '一本上线7,906人', rate: '上线率为18.7%', vs_reference_pp: '高于全省2.3个百分点' } },
      ] }] };
    const chart = await window.prc.mount(target, data, {});
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const root = target.shadowRoot ?? target.querySelector('[data-passrate-host]').shadowRoot;
    root.querySelector('.actions button[aria-expanded]').click();
    const a = root.querySelector('.source a');
    const quotes = [...root.querySelectorAll('td q')].map((q) => q.closest('td').firstChild.textContent + ' ' + q.textContent);
    const tip = chart.points[0].lines;
    chart.destroy();
    return { href: a?.getAttribute('href'), rel: a?.getAttribute('rel'), text: a?.textContent, quotes, tip };
  });
  assert.deepEqual(errors, []);
  assert.equal(r.href, 'https://example.org/news/1');
  assert.match(r.rel, /noopener/);
  assert.equal(r.text, '数据来源：泽川市教育局（2024-06-26）');
  assert.deepEqual(r.quotes, ['18.7% 上线率为18.7%', '+2.3 个百分点 高于全省2.3个百分点', '7,906 一本上线7,906人', '42,318 共有42,318名考生参加高考']);
  for (const q of ['原文：“上线率为18.7%”', '原文：“高于全省2.3个百分点”', '原文：“一本上线7,906人”', '原文：“共有42,318名考生参加高考”']) {
    assert.ok(r.tip.includes(q), `the tooltip reaches ${q}: ${r.tip}`);
  }
});

test('a source address that is not http(s) is refused with the field named', async (t) => {
  const { page } = await mountPage(t);
  const message = await page.evaluate(async () => {
    try {
      await window.prc.mount(document.querySelector('#target'), { title: 'T', region: 'A', source: { name: 'x', url: 'javascript:alert(1)' },
        years: [{ year: 2024, tiers: [{ tier: 'T', rate: 10 }] }] }, {});
      return 'mounted';
    } catch (e) {
      return e.message;
    }
  });
  assert.match(message, /^source\.url: expected a web address starting with http:\/\/ or https:\/\//);
});

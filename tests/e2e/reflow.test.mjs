// WCAG 1.4.10 Reflow and 1.4.12 Text spacing in the layouts news pages use: the widget in a
// block, a CSS grid, a centred flex column and a flex row (none of which gives its items
// `min-width: 0`), at 320 CSS px both when loaded there and after zooming from 1280 px (400 %
// zoom is a 320 px viewport); the playground likewise; the English tabs with WCAG's text
// spacing.
//
//   node --test --test-concurrency=1 tests/e2e/reflow.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PAGES, ROOT, useServer } from './helpers.mjs';

const { open } = useServer();
const site = useServer(join(ROOT, 'www'));

/** How wide the page scrolls, and the widget's canvas and host boxes, in CSS px. */
const measure = (page) => page.evaluate(() => {
  const host = document.querySelector('#chart');
  const canvas = host.shadowRoot.querySelector('canvas');
  return {
    scroll: document.documentElement.scrollWidth,
    host: Math.round(host.getBoundingClientRect().right),
    canvas: Math.round(canvas.getBoundingClientRect().right),
    backing: canvas.width / devicePixelRatio,
  };
});

/** Until the widget has drawn at a width that fits `width` px. */
const settled = (page, width) => page.waitForFunction((w) => {
  const c = document.querySelector('#chart').shadowRoot.querySelector('canvas');
  return c.width / devicePixelRatio <= w && c.getBoundingClientRect().right <= w;
}, width, { timeout: 5000 }).catch(() => {});

for (const layout of ['block', 'grid', 'flexcol', 'flexrow']) {
  test(`1.4.10: in a ${layout} host, 320 px scrolls no wider, loaded there and after zooming from 1280 px, with the table open`, async (t) => {
    for (const start of [320, 1280]) {
      for (const lang of ['zh-CN', 'en']) {
        const { page, errors } = await open(t, `${PAGES}/hosts.html?layout=${layout}&lang=${lang}`, { viewport: { width: start, height: 900 } });
        if (start !== 320) {
          await page.setViewportSize({ width: 320, height: 256 });
          await settled(page, 320);
        }
        await page.$eval('#chart', (h) => h.shadowRoot.querySelector('.actions button[aria-expanded]').click());
        await page.waitForTimeout(100);
        const m = await measure(page);
        const what = `${layout}, ${lang}, ${start === 320 ? 'loaded at 320 px' : `zoomed from ${start} px`}`;
        assert.ok(m.scroll <= 320, `${what}: the page scrolls to ${m.scroll} px (canvas right edge ${m.canvas}, drawn ${m.backing} px wide)`);
        assert.ok(m.canvas <= 320 && m.host <= 320, `${what}: canvas ends at ${m.canvas}, host at ${m.host}`);
        assert.deepEqual(errors, []);
        await page.context().close();
      }
    }
  });
}

test('1.4.10: mount() into a grid item that does not give min-width: 0 reflows after zooming', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/hosts.html?layout=grid`, { viewport: { width: 1280, height: 900 } });
  // A page's own container, a grid item of its own, mounted into by the API.
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/passrate-chart.js');
    const cell = document.createElement('div');
    cell.id = 'mounted';
    document.querySelector('#layout').prepend(cell);
    await mount(cell, await (await fetch('/www/data/yuncheng-2019.json')).text(), { view: 'change' });
  });
  await page.setViewportSize({ width: 320, height: 256 });
  await page.waitForFunction(() => {
    const c = document.querySelector('#mounted').shadowRoot.querySelector('canvas');
    return c.width / devicePixelRatio <= 320;
  }, null, { timeout: 5000 }).catch(() => {});
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= 320, `the page scrolls to ${scroll} px`);
  assert.deepEqual(errors, []);
});

test('1.4.10: the playground at 320 px, loaded there and after zooming from 1280 px', async (t) => {
  for (const start of [320, 1280]) {
    const { page, errors } = await site.open(t, '/playground.html', { viewport: { width: start, height: 900 } });
    if (start !== 320) {
      await page.setViewportSize({ width: 320, height: 256 });
      await page.waitForTimeout(300);
    }
    const r = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 321 && e.checkVisibility())
        .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ')[0]}` : ''} → ${Math.round(e.getBoundingClientRect().right)}`);
      return { scroll: document.documentElement.scrollWidth, wide };
    });
    assert.ok(r.scroll <= 320, `loaded at ${start} px: the playground scrolls to ${r.scroll} px: ${r.wide.join(', ')}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

test('1.4.12: with WCAG text spacing at 320 px, no English or Chinese tab is clipped in the cities data (four tabs)', async (t) => {
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await open(t, `${PAGES}/cities.html?lang=${lang}`, { viewport: { width: 320, height: 900 } });
    const spacing = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
    for (const spaced of [false, true]) {
      if (spaced) {
        await page.$eval('#chart', (h, css) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          h.shadowRoot.adoptedStyleSheets = [...h.shadowRoot.adoptedStyleSheets, sheet];
        }, spacing);
        await page.waitForTimeout(200);
      }
      const r = await page.$eval('#chart', (h) => {
        const root = h.shadowRoot;
        const fig = root.querySelector('figure').getBoundingClientRect();
        return [...root.querySelectorAll('[role=tab], .legend button, .legend .item, .actions button')].map((b) => {
          const r = b.getBoundingClientRect();
          return {
            text: b.textContent, clipped: b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1,
            outside: r.left < fig.left - 1 || r.right > fig.right + 1,
          };
        }).filter((b) => b.clipped || b.outside);
      });
      assert.deepEqual(r, [], `${lang}${spaced ? ', text spacing' : ''}: controls clipped or outside the widget`);
    }
    assert.deepEqual(errors, []);
  }
});

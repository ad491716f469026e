// Accessibility: axe-core scans of the demo page and of a widget with its table open and a
// tooltip shown (zero violations), and the data table for assistive technology.
//
//   node --test --test-concurrency=1 tests/e2e/a11y.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, axe, formatViolations, useServer, waitTip } from './helpers.mjs';

const { open } = useServer();

test('axe-core: the demo page has no violations', async (t) => {
  const { page, errors } = await open(t, '/www/index.html', { viewport: { width: 900, height: 1200 } });
  const drawn = await page.$$eval('passrate-chart', (hosts) => hosts.map((h) => !!h.chart));
  assert.deepEqual(drawn, [true, true, true, true], 'all four demo charts drawn');
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe violations on /www/index.html:\n${formatViolations(violations)}`);
  assert.deepEqual(errors, []);
});

test('axe-core: one widget with its data table expanded and a tooltip open has no violations', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  await page.locator('#chart .actions button[aria-expanded]').click();
  assert.equal(await page.locator('#chart .actions button[aria-expanded]').getAttribute('aria-expanded'), 'true');
  await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('[role=option]').focus());
  await page.keyboard.press('ArrowRight');
  await waitTip(page, false);
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe violations on one.html (table open):\n${formatViolations(violations)}`);
  assert.deepEqual(errors, []);
});

test('data table: hidden from everyone while its button says collapsed; 查看数据 expands it; caption, headers, derived badge', async (t) => {
  const { page, errors } = await open(t, `${PAGES}/one.html`);
  const button = page.locator('#chart .actions button[aria-expanded]');
  const collapsed = await page.evaluate(() => {
    const root = document.querySelector('#chart').shadowRoot;
    const wrap = root.querySelector('.table-wrap');
    const b = root.querySelector('.actions button[aria-expanded]');
    const cs = getComputedStyle(wrap);
    return {
      hidden: wrap.hidden, table: !!wrap.querySelector('table'), display: cs.display,
      controls: b.getAttribute('aria-controls') === wrap.id, expanded: b.getAttribute('aria-expanded'), label: b.textContent,
    };
  });
  // Built when first opened: nothing in the DOM while collapsed.
  assert.deepEqual(collapsed, { hidden: true, table: false, display: 'none', controls: true, expanded: 'false', label: '查看数据' });
  // What the button says is what assistive technology gets (WCAG 4.1.2): no table while collapsed.
  assert.equal(await page.getByRole('table').count(), 0, 'the collapsed table is not exposed');

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
      hidden: wrap.hidden,
      region: [wrap.getAttribute('role'), wrap.getAttribute('tabindex'), root.getElementById(wrap.getAttribute('aria-labelledby'))?.tagName],
      height: wrap.getBoundingClientRect().height,
      caption: table.caption?.textContent ?? '',
      colHeads: [...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent]),
      firstCell: first ? [first.cells[0].tagName, first.cells[0].getAttribute('scope'), first.cells[0].textContent] : null,
      derived: derived ? { text: derived.textContent, badge: derived.querySelector('.badge')?.textContent ?? null, title: derived.title } : null,
    };
  });
  assert.equal(t1.hidden, false, 'shown');
  assert.deepEqual(t1.region, ['group', '0', 'CAPTION'], 'its scroller is a focusable group named by the caption (WCAG 2.1.1), not a landmark');
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
  assert.equal(await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('.table-wrap').hidden), true);
  assert.deepEqual(errors, []);
});

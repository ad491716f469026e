// The playground's forms (the data, snippet and embed fields): WCAG 3.3.1 Error identification
// and 4.1.3 Status messages. Each error sits under its own field, which is marked invalid and
// described by it; the "已复制" confirmation is announced by a status region; the live
// statuses are not rewritten (so not announced again) while typing leaves their words alone.
//
//   node --test --test-concurrency=1 tests/e2e/playground-forms.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, axe, formatViolations, useServer } from './helpers.mjs';

const site = useServer(join(ROOT, 'www'));
const VIEWPORT = { viewport: { width: 1100, height: 1000 } };

/** A field's state: aria-invalid, and the texts of what describes it. */
const field = (page, id) => page.$eval(`#${id}`, (f) => ({
  invalid: f.getAttribute('aria-invalid'),
  described: (f.getAttribute('aria-describedby') || '').split(' ').filter(Boolean).map((d) => document.getElementById(d)?.textContent.trim() ?? `missing #${d}`),
}));

test('3.3.1: each playground error is on its own field, which is marked invalid and described by it', async (t) => {
  const { page, errors } = await site.open(t, '/playground.html', VIEWPORT);
  // The script address.
  await page.fill('#script-url', 'not a url');
  await page.waitForTimeout(50);
  let s = await field(page, 'script-url');
  assert.equal(s.invalid, 'true');
  assert.ok(s.described.some((d) => /脚本地址须是/.test(d)), `the script field describes its error: ${JSON.stringify(s.described)}`);
  await page.fill('#script-url', `${site.base}/pkg/passrate-chart.js`);
  await page.waitForTimeout(50);
  s = await field(page, 'script-url');
  assert.equal(s.invalid, 'false');
  assert.ok(!s.described.some((d) => /须是/.test(d)), 'and no error once it is right');
  // The embed page's address: its error under it, not on the data address.
  await page.fill('#embed-url', 'nope');
  await page.waitForTimeout(50);
  const embed = await field(page, 'embed-url');
  const data = await field(page, 'data-url');
  assert.equal(embed.invalid, 'true');
  assert.ok(embed.described.some((d) => /嵌入页地址须是/.test(d)), `the embed field describes its error: ${JSON.stringify(embed.described)}`);
  assert.equal(data.invalid, 'false');
  assert.ok(!data.described.some((d) => /嵌入页地址/.test(d)), `the data address does not carry the embed page's error: ${JSON.stringify(data.described)}`);
  // The data address: its own error.
  await page.fill('#embed-url', `${site.base}/embed.html`);
  await page.fill('#data-url', 'javascript:alert(1)');
  await page.waitForTimeout(50);
  const bad = await field(page, 'data-url');
  assert.equal(bad.invalid, 'true');
  assert.ok(bad.described.some((d) => /数据地址须是/.test(d)), JSON.stringify(bad.described));
  assert.equal((await field(page, 'embed-url')).invalid, 'false');
  // Errors showing on two fields at once: axe-core finds nothing.
  await page.fill('#script-url', 'not a url');
  const violations = await axe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  assert.deepEqual(errors, []);
});

test('4.1.3: "已复制" is announced by a status region', async (t) => {
  const { ctx, page, errors } = await site.open(t, '/playground.html', VIEWPORT);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
  await page.click('[data-copy="snippet"]');
  await page.waitForFunction(() => document.querySelector('[role=status]#copy-status')?.textContent.startsWith('已复制'));
  const cdp = await ctx.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const statuses = nodes.filter((n) => !n.ignored && n.role?.value === 'status');
  const said = statuses.map((n) => nodes.filter((k) => (n.childIds || []).includes(k.nodeId)).map((k) => k.name?.value).join(''));
  assert.ok(said.some((x) => x === '已复制嵌入代码：脚本 + 元素。'), `a status says it: ${JSON.stringify(said)}`);
  assert.deepEqual(errors, []);
});

test('4.1.3: typing that leaves a status\'s words alone does not rewrite it (no repeated announcements)', async (t) => {
  const { page, errors } = await site.open(t, '/playground.html', VIEWPORT);
  await page.fill('#data-url', 'data/yuncheng-2019.json');
  await page.waitForTimeout(200);
  // Count every change to the live regions' contents.
  await page.evaluate(() => {
    window.__changes = [];
    for (const el of document.querySelectorAll('[role=status], [aria-live]')) {
      new MutationObserver((ms) => window.__changes.push(`${el.id}: ${ms.length}`)).observe(el, { childList: true, characterData: true, subtree: true });
    }
  });
  // Spaces at the end of the data, a pause after each (the preview redraws after 150 ms), and
  // the embed fields edited without changing what they say.
  await page.focus('#data');
  await page.keyboard.press('End');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.type(' ');
    await page.waitForTimeout(250);
  }
  await page.focus('#data-url');
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(250);
  assert.deepEqual(await page.evaluate(() => window.__changes), [], 'the statuses were not rewritten');
  assert.equal(await page.textContent('#status'), '数据有效。');
  assert.deepEqual(errors, []);
});

test('pasted line breaks from Word (U+000B, U+2028) are offered a visible replacement with spaces, never stripped silently', async (t) => {
  const { page, errors } = await site.open(t, '/playground.html', VIEWPORT);
  await page.waitForFunction(() => document.querySelector('#status')?.textContent.includes('有效'));
  const seed = await page.$eval('#data', (d) => d.value);
  // A title typed in Word with Shift+Enter, and a region's name with a line separator.
  const pasted = seed.replace('运城市2019年', '运城市\u000B2019年').replace('"region": "运城市"', '"region": "运城\u2028市"');
  assert.notEqual(pasted, seed, 'the seed holds the strings this test changes');
  await page.$eval('#data', (d, v) => { d.value = v; d.dispatchEvent(new Event('input', { bubbles: true })); }, pasted);
  await page.waitForFunction(() => document.querySelector('#status')?.textContent.includes('数据有误'));
  const offer = await page.$eval('#breaks-text', (n) => n.textContent);
  assert.match(offer, /2 个隐藏的换行符/);
  assert.equal(await page.isVisible('#breaks-fix'), true, 'the offer is a visible button');
  // Nothing changed until the editor asks.
  assert.equal(await page.$eval('#data', (d) => d.value), pasted);
  await page.click('#breaks-fix');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent.startsWith('数据有效'));
  const fixed = await page.$eval('#data', (d) => d.value);
  assert.equal(fixed, pasted.replace(/[\u000B\u2028]/g, ' '), 'each break became one space, nothing else changed');
  assert.match(await page.$eval('#breaks-text', (n) => n.textContent), /已把 2 个隐藏的换行符换成空格/);
  assert.equal(await page.isVisible('#breaks-fix'), false);
  assert.equal(await page.$eval('#breaks-text', (n) => n.getAttribute('role')), 'status', 'said in a status region');
  assert.deepEqual(errors, []);
});

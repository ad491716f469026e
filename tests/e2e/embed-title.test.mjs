// WCAG 2.4.2 Page titled, for the iframe embed's own page: its <title> is the chart's title,
// in the chart's language, or the one sentence it shows when the chart cannot be drawn.
//
//   node --test --test-concurrency=1 tests/e2e/embed-title.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, useServer } from './helpers.mjs';

const site = useServer(join(ROOT, 'www'));

test('2.4.2: the embed page is titled by its chart, or by what it says when it cannot draw one', async (t) => {
  for (const [query, title] of [
    ['src=data/yuncheng-2019.json&view=change', '运城市2019年高考本科达线情况'],
    ['src=data/example-cities.csv&view=cities&lang=en', 'Example Province: 2024 pass rates of its cities (invented example figures)'],
    ['src=javascript:alert(1)&lang=en', 'This chart cannot be shown right now.'],
    ['src=data/no-such-file.json', '这张图表暂时无法显示。'],
  ]) {
    const { page, errors } = await site.open(t, `/embed.html?${query}`, { viewport: { width: 700, height: 700 } });
    assert.equal(await page.title(), title, query);
    assert.ok(errors.every((e) => /404|src:|Failed to load/.test(e)), errors.join('\n'));
    await page.context().close();
  }
});

// The iframe embed: dist/embed.html on one origin, inside a host page on another whose CSP
// forbids WebAssembly, sized by dist/embed.js (a copy the host serves itself) from the heights
// the embed posts, and deaf to height messages from any other window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embedPolicy, site } from '../../scripts/build.mjs';
import { ROOT, canvases, openPage, selfSigned, startServer } from './helpers.mjs';

const OUT = join(ROOT, 'target', 'screenshots');
const TYPE = 'passrate-chart:height';
const EMBED_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

let dist;
let embed;
let host;
let hostCsp;

before(async () => {
  dist = site({ dataOrigins: [], frameAncestors: [] });
  embed = await startServer(dist);
  const dir = mkdtempSync(join(tmpdir(), 'passrate-host-'));
  copyFileSync(join(dist, 'embed.js'), join(dir, 'embed.js'));
  copyFileSync(join(ROOT, 'www', 'favicon.svg'), join(dir, 'favicon.svg'));
  writeFileSync(join(dir, 'host.css'), `body { margin: 0; font: 16px/1.6 sans-serif; background: #f3f4f6; }
main { max-width: 720px; margin: 0 auto; padding: 16px; background: #fff; }
iframe[data-passrate-chart] { display: block; width: 100%; border: 0; margin: 16px 0; }
`);
  // Heights of 300 on purpose: the chart is taller, so a right height shows embed.js at work.
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A host page</title><link rel="icon" href="favicon.svg"><link rel="stylesheet" href="host.css"></head>
<body><main>
<h1>Yuncheng's 2019 exam results</h1>
<p>A host page whose policy lets no WebAssembly run. The chart runs in its own document.</p>
<iframe id="change" data-passrate-chart title="Yuncheng pass rates, 2018 and 2019" loading="lazy" height="300"
  src="${embed.base}/embed.html?src=data/yuncheng-2019.json&amp;view=change&amp;lang=en"></iframe>
<p>Text between the charts.</p>
<iframe id="refused" data-passrate-chart title="A chart with a bad address" loading="lazy" height="300"
  src="${embed.base}/embed.html?src=javascript:alert(1)&amp;lang=en"></iframe>
</main>
<script src="embed.js" async></script>
</body>
</html>
`);
  hostCsp = `default-src 'self'; script-src 'self'; frame-src ${embed.base}`;
  host = await startServer(dir, { 'content-security-policy': hostCsp });
});

after(() => {
  embed?.server.close();
  host?.server.close();
});

/** Opens the host page, recording CSP violations in every frame (window.__csp) and dialogs. */
async function openHost(t) {
  const dialogs = [];
  const opened = await openPage(t, `${host.base}/`, { viewport: { width: 800, height: 1000 } }, {
    onPage: (p) => {
      p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
      return p.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
    },
    ready: (p) => p.waitForLoadState('load'),
  });
  return { ...opened, dialogs };
}

/** The embed page inside iframe `sel`, once it has drawn its chart or its message. */
async function frameOf(page, sel) {
  const frame = await (await page.$(sel)).contentFrame();
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return frame;
}

/** The iframe's height on the host page and its document's height inside. */
async function heights(page, sel) {
  const frame = await (await page.$(sel)).contentFrame();
  return {
    iframe: await page.$eval(sel, (f) => f.getBoundingClientRect().height),
    doc: await frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
  };
}

/** Until the iframe's height is within 2 px of its document's; resolves to both. */
async function followed(page, sel, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const h = await heights(page, sel);
    if (Math.abs(h.iframe - h.doc) <= 2) return h;
    if (Date.now() > end) assert.fail(`${sel}: iframe ${h.iframe} px, its document ${h.doc} px`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('embed.html and embed.js are in dist/; the page has its own CSP and no inline script or style', () => {
  const html = readFileSync(join(dist, 'embed.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.equal(csp?.[1], EMBED_CSP);
  assert.doesNotMatch(html, /<style|\sstyle=|\son\w+=/i, 'no inline style or handler');
  for (const [tag] of html.matchAll(/<script[^>]*>/g)) assert.match(tag, /\ssrc=/, `inline script: ${tag}`);
  assert.ok(readFileSync(join(dist, 'embed.js'), 'utf8').length < 2000, 'embed.js stays tiny');
});

test('the chart draws inside the iframe on a host whose CSP forbids WebAssembly, and the iframe takes its height', async (t) => {
  const { page, errors, response } = await openHost(t);
  assert.equal(response.headers()['content-security-policy'], hostCsp);
  const frame = await frameOf(page, '#change');
  const [state] = await canvases(frame, 'passrate-chart', { tol: 3 });
  assert.equal(state.view, 'change');
  assert.ok(state.counts.region > 100, `dots in the region colour #e04f1a: ${state.counts.region}`);
  assert.equal(await frame.$eval('passrate-chart', (h) => h.shadowRoot.querySelector('.title').textContent), '运城市2019年高考本科达线情况');
  assert.match(await frame.$eval('passrate-chart', (h) => h.shadowRoot.querySelector('.tabs').textContent), /Change/);
  const first = await followed(page, '#change');
  assert.ok(first.iframe > 400, `sized from 300 px to the chart's ${first.doc} px`);
  // The data table opens below the chart: the document grows, and so does the iframe.
  await frame.locator('passrate-chart .actions button[aria-expanded]').click();
  await frame.waitForFunction((h) => document.documentElement.getBoundingClientRect().height > h + 100, first.doc);
  const opened = await followed(page, '#change');
  assert.ok(opened.iframe > first.iframe + 100, `grew with the table: ${first.iframe} → ${opened.iframe} px`);
  await frame.locator('passrate-chart .actions button[aria-expanded]').click();
  await followed(page, '#change');
  await frameOf(page, '#refused');
  await followed(page, '#refused');
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, 'embed-host.png'), fullPage: true });
  assert.deepEqual(await frame.evaluate(() => window.__csp), [], 'nothing the embed page does breaks its own CSP');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'nor the host\'s');
  assert.deepEqual(errors, []);
  // The host really cannot run WebAssembly: the chart could only draw in its own document.
  const compiled = await page.evaluate(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'compiled', (e) => e.message));
  assert.match(compiled, /WebAssembly.*Content Security Policy/);
});

test('only the iframe\'s own window can size it, also for an iframe added later', async (t) => {
  const { page } = await openHost(t);
  await frameOf(page, '#change');
  const height0 = (await followed(page, '#change')).iframe;
  // The host's own window posts a height, and so does a second embed (added now) about itself.
  const received = await page.evaluate((type) => {
    window.__heights = [];
    addEventListener('message', (e) => e.data?.type === type && window.__heights.push(e.data.height));
    postMessage({ type, height: 55 }, '*');
    const f = document.createElement('iframe');
    f.id = 'later';
    f.title = 'A chart added later';
    f.setAttribute('data-passrate-chart', '');
    f.src = document.querySelector('#change').src.replace('view=change', 'view=compare');
    document.querySelector('main').append(f);
    f.scrollIntoView();
    return new Promise((r) => setTimeout(() => r(window.__heights.slice()), 300));
  }, TYPE);
  assert.ok(received.includes(55), 'the host\'s own message was delivered');
  await frameOf(page, '#later');
  const later = await followed(page, '#later');
  assert.ok(later.iframe > 400, `an iframe added later is sized too: ${later.iframe} px`);
  const pretender = await (await page.$('#later')).contentFrame();
  await pretender.evaluate((type) => parent.postMessage({ type, height: 77 }, '*'), TYPE);
  await page.waitForFunction(() => window.__heights.includes(77));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal((await heights(page, '#change')).iframe, height0, 'no other window resized #change');
  await followed(page, '#change');
});

test('a src that is not relative or https is refused with a message, in the reader\'s language', async (t) => {
  const { page, errors, dialogs } = await openHost(t);
  const frame = await frameOf(page, '#refused');
  assert.equal(await frame.$('passrate-chart'), null, 'no chart, no fetch');
  assert.equal(await frame.textContent('.message[role="alert"]'), 'This chart cannot be shown right now.');
  const sized = await followed(page, '#refused');
  assert.ok(sized.iframe > 20 && sized.iframe < 200, `the iframe fits the message: ${sized.iframe} px`);
  await frame.goto(`${embed.base}/embed.html?src=data:application/json,%7B%7D`);
  await frame.waitForSelector('body[data-ready="true"]');
  assert.equal(await frame.textContent('.message'), '这张图表暂时无法显示。');
  await frame.goto(`${embed.base}/embed.html?src=http://127.0.0.2:9/data.json&lang=en`);
  await frame.waitForSelector('body[data-ready="true"]');
  assert.equal(await frame.textContent('.message'), 'This chart cannot be shown right now.');
  await frame.goto(`${embed.base}/embed.html?lang=en`);
  await frame.waitForSelector('body[data-ready="true"]');
  assert.equal(await frame.textContent('.message'), 'This chart cannot be shown right now.');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
});

// A link to the newsroom's own embed page must not draw anyone else's data under its name:
// over TLS (where https: data used to be let through), data from another origin is refused
// unless the newsroom allowed that origin when it built the page.
test('embed.html over TLS: data from another origin is refused unless the build allows it', async (t) => {
  const tls = selfSigned();
  const evilDir = mkdtempSync(join(tmpdir(), 'passrate-evil-'));
  const seed = JSON.parse(readFileSync(join(ROOT, 'www', 'data', 'yuncheng-2019.json'), 'utf8'));
  writeFileSync(join(evilDir, 'evil.json'), JSON.stringify({ ...seed, title: '一本率暴跌至3.1%（伪造）' }));
  const evil = await startServer(evilDir, {}, tls);
  t.after(() => evil.server.close());
  const plain = await startServer(dist, {}, tls);
  t.after(() => plain.server.close());
  const open = async (base, src) => {
    const o = await openPage(t, `${base}/embed.html?src=${encodeURIComponent(src)}&lang=en`, { ignoreHTTPSErrors: true });
    const warnings = [];
    o.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await o.page.reload();
    await o.page.waitForSelector('body[data-ready="true"]');
    return { ...o, warnings };
  };
  for (const src of [`${evil.base}/evil.json`, `//127.0.0.1:${evil.server.address().port}/evil.json`]) {
    const { page, warnings } = await open(plain.base, src);
    assert.equal(await page.$('passrate-chart'), null, `${src}: no chart`);
    assert.equal(await page.textContent('.message[role="alert"]'), 'This chart cannot be shown right now.');
    assert.ok(warnings.some((w) => w.includes(`data from ${evil.base} is not allowed`) && w.includes(`--data-origin ${evil.base}`)), `the console names the fix: ${warnings}`);
  }
  // The same page built with that origin allowed: in its CSP and its own check.
  const allowed = site(embedPolicy(['--data-origin', evil.base]), join(ROOT, 'target', 'dist-origins'));
  const html = readFileSync(join(allowed, 'embed.html'), 'utf8');
  assert.ok(html.includes(`connect-src 'self' ${evil.base};`), 'the origin is in the CSP');
  const built = await startServer(allowed, {}, tls);
  t.after(() => built.server.close());
  const { page, errors } = await open(built.base, `${evil.base}/evil.json`);
  await page.waitForSelector('passrate-chart');
  await page.waitForFunction(() => document.querySelector('passrate-chart').chart?.points.length > 0);
  assert.equal(await page.$eval('passrate-chart', (c) => c.chart.text.title), '一本率暴跌至3.1%（伪造）', 'an allowed origin draws');
  // (The browser's own request for /favicon.ico is the only 404.)
  assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
});

test('embed policy: origins are checked when the site is built; frame-ancestors as a header file', () => {
  assert.throws(() => embedPolicy(['--data-origin', 'http://data.example.com']), /expected an origin such as https:/);
  assert.throws(() => embedPolicy(['--data-origin', 'https://data.example.com/path']), /scheme, host and port only/);
  const p = embedPolicy(['--data-origin', 'https://data.example.com', '--frame-ancestors', 'https://news.example.com https://m.example.com']);
  assert.deepEqual(p, { dataOrigins: ['https://data.example.com'], frameAncestors: ['https://news.example.com', 'https://m.example.com'] });
  const out = site(p, join(ROOT, 'target', 'dist-ancestors'));
  assert.equal(readFileSync(join(out, '_headers'), 'utf8'), "/embed.html\n  Content-Security-Policy: frame-ancestors 'self' https://news.example.com https://m.example.com\n");
  assert.match(readFileSync(join(out, 'embed.html'), 'utf8'), /<meta name="passrate-frame-ancestors" content="https:\/\/news\.example\.com https:\/\/m\.example\.com">/);
});

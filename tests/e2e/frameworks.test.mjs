// React 19 and Vue 3 consumers, each a fresh Vite app built from the packed tarball with the
// README's recipe: the chart draws, and after the framework unmounts it nothing is left behind
// (no shadow content, no canvas, no listener on document or window).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, canvasState, pack, serveFor, viteApp } from './helpers.mjs';

const VITE = '8.4.0';
const REACT = '19.3.1';
const PLUGIN_REACT = '6.3.0';
const VUE = '3.5.45';
const PLUGIN_VUE = '6.0.11';

const DATA = readFileSync(join(ROOT, 'www', 'data', 'yuncheng-2019.json'), 'utf8');
const page = (entry) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>consumer</title></head>
<body><div id="app"></div><script type="module" src="/src/${entry}"></script></body></html>`;

let tarball;
before(() => {
  ({ tarball } = pack());
});

// The README's recipes ("Use with React", "Use with Vue"), as the apps use them.
const REACT_COMPONENT = `import 'passrate-chart'; // registers <passrate-chart>

export function PassrateChart({ src, view = 'compare', lang = 'zh-CN', height = 520 }) {
  return <passrate-chart src={src} view={view} lang={lang} height={height} />;
}
`;

const VUE_COMPONENT = `<script setup>
import { onBeforeUnmount, onMounted, ref, toRaw, watch } from 'vue';
import { mount } from 'passrate-chart';

const props = defineProps({
  data: { type: [Object, String], required: true },
  view: { type: String, default: 'compare' },
  lang: { type: String, default: 'zh-CN' },
});
const el = ref(null);
let chart = null;
let gone = false;

onMounted(async () => {
  const c = await mount(el.value, toRaw(props.data), { view: props.view, lang: props.lang });
  if (gone) c.destroy(); // unmounted while the engine was loading
  else chart = c;
});
onBeforeUnmount(() => {
  gone = true;
  chart?.destroy();
  chart = null;
});
watch(() => props.view, (v) => chart?.setView(v));
watch(() => props.lang, (l) => chart?.setLang(l));
watch(() => props.data, (d) => chart?.update(toRaw(d)));
</script>

<template><div ref="el"></div></template>
`;

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

/**
 * Opens the app, and twice: shows the chart with #toggle, checks it drew, hides it, and checks
 * that nothing of it is left. `host`: the selector of the chart's container in #slot.
 */
async function mountsAndLeavesNothing(t, app, host, check = async () => {}) {
  const site = await serveFor(t, join(app, 'dist'));
  const { page: p, errors, pageErrors } = await site.open(t, '/', { viewport: { width: 900, height: 900 } }, {
    ready: (pg) => pg.waitForSelector('#toggle'),
  });
  const cdp = await p.context().newCDPSession(p);
  const before = await listeners(cdp);
  for (let round = 0; round < 2; round++) {
    await p.click('#toggle');
    await p.waitForFunction((sel) => Number(document.querySelector(sel)?.dataset.drawn) > 0, host, { timeout: 30000 });
    const state = await canvasState(p, host, { tol: 3 });
    assert.ok(state.counts.region > 1000, `bars in the region colour #e04f1a: ${state.counts.region}`);
    const during = await listeners(cdp);
    // Counted, not looked up: the page may have listeners of the same kinds before the chart.
    const rest = [...before];
    const added = during.filter((l) => {
      const i = rest.indexOf(l);
      if (i >= 0) rest.splice(i, 1);
      return i < 0;
    });
    assert.deepEqual(added, ['document keydown (capture)', 'document pointerdown (capture)', 'window afterprint', 'window beforeprint'],
      'the probe sees the chart\'s document listeners (Esc, a tap outside) and its print listeners');
    if (round === 0) await check(p);
    await p.evaluate((sel) => { window.__removed = document.querySelector(sel); }, host);
    await p.click('#toggle');
    await p.waitForFunction(() => !document.querySelector('#slot').children.length);
    const left = await p.evaluate(() => ({
      elements: document.querySelector('#slot').children.length,
      shadow: window.__removed.shadowRoot?.childNodes.length ?? 0,
      charts: document.querySelectorAll('passrate-chart').length,
      canvases: document.querySelectorAll('canvas').length,
      chart: window.__removed.chart ?? null,
    }));
    assert.deepEqual(left, { elements: 0, shadow: 0, charts: 0, canvases: 0, chart: null });
    assert.deepEqual(await listeners(cdp), before, 'the listeners are as before the chart');
    // A click on the page reaches no listener of the chart.
    await p.mouse.click(5, 880);
    await p.mouse.click(450, 300);
  }
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(errors, []);
}

test('React 19: <passrate-chart> with attributes draws, and unmounting it leaves nothing behind', async (t) => {
  const app = viteApp('react-app', tarball, {
    dependencies: { react: REACT, 'react-dom': REACT },
    devDependencies: { vite: VITE, '@vitejs/plugin-react': PLUGIN_REACT },
    files: {
      'vite.config.js': `import react from '@vitejs/plugin-react';\nexport default { plugins: [react()] };\n`,
      'index.html': page('main.jsx'),
      'public/data/yuncheng-2019.json': DATA,
      'src/PassrateChart.jsx': REACT_COMPONENT,
      'src/main.jsx': `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PassrateChart } from './PassrateChart.jsx';

function App() {
  const [shown, setShown] = useState(false);
  const [lang, setLang] = useState('zh-CN');
  return (
    <main>
      <button id="toggle" onClick={() => setShown(!shown)}>{shown ? 'Hide the chart' : 'Show the chart'}</button>
      <button id="lang" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>{lang === 'en' ? '中文' : 'English'}</button>
      <div id="slot">{shown && <PassrateChart src="data/yuncheng-2019.json" view="compare" lang={lang} height={540} />}</div>
    </main>
  );
}

createRoot(document.getElementById('app')).render(<StrictMode><App /></StrictMode>);
`,
    },
  });
  await mountsAndLeavesNothing(t, app, '#slot > passrate-chart', async (p) => {
    // A changed prop reaches the element as an attribute: the chart speaks English.
    await p.click('#lang');
    await p.waitForFunction(() => /Compared with/.test(document.querySelector('passrate-chart').shadowRoot.querySelector('.tabs').textContent));
    assert.equal(await p.$eval('passrate-chart', (h) => h.getAttribute('height')), '540');
  });
});

test('Vue 3: mount() in onMounted and destroy() in onBeforeUnmount; unmounting leaves nothing behind', async (t) => {
  const app = viteApp('vue-app', tarball, {
    dependencies: { vue: VUE },
    devDependencies: { vite: VITE, '@vitejs/plugin-vue': PLUGIN_VUE },
    files: {
      'vite.config.js': `import vue from '@vitejs/plugin-vue';\nexport default { plugins: [vue()] };\n`,
      'index.html': page('main.js'),
      'src/data.json': DATA,
      'src/PassrateChart.vue': VUE_COMPONENT,
      'src/App.vue': `<script setup>
import { ref } from 'vue';
import PassrateChart from './PassrateChart.vue';
import data from './data.json';

const shown = ref(false);
const view = ref('compare');
</script>

<template>
  <button id="toggle" @click="shown = !shown">{{ shown ? 'Hide the chart' : 'Show the chart' }}</button>
  <button id="view" @click="view = view === 'compare' ? 'change' : 'compare'">Switch view</button>
  <div id="slot"><PassrateChart v-if="shown" :data="data" :view="view" lang="en" /></div>
</template>
`,
      'src/main.js': `import { createApp } from 'vue';\nimport App from './App.vue';\n\ncreateApp(App).mount('#app');\n`,
    },
  });
  await mountsAndLeavesNothing(t, app, '#slot > div', async (p) => {
    // A changed prop reaches the chart through the watcher.
    await p.click('#view');
    await p.waitForFunction(() => document.querySelector('#slot > div').shadowRoot
      .querySelector('[role="tab"][aria-selected="true"]')?.dataset.view === 'change');
    await p.click('#view');
    await p.waitForFunction(() => document.querySelector('#slot > div').shadowRoot
      .querySelector('[role="tab"][aria-selected="true"]')?.dataset.view === 'compare');
  });
});

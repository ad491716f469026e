// mount(): the engine loaded, the data read, a Chart in the container; and the error box a
// reader sees when that cannot happen.

import { Chart } from './chart.js';
import { el, langTag } from './dom.js';
import { current, isTrap, load, restart } from './engine.js';
import { adopt } from './styles.js';
import { words } from './words.js';

/**
 * Tells a reader, in one sentence in the page's language, that the chart in `container`
 * cannot be shown, and which when the page has several: by its `title` when it had one, else
 * a <passrate-chart> by its place on the page and its data file; keeps the static image the
 * page provided, if any, and otherwise takes no more room than the sentence. What went wrong
 * (the field, the line) goes to the console, for the page's editor; the playground shows it too.
 */
export function showError(container, err, title) {
  const root = hostRoot(container);
  const lang = container.getAttribute?.('lang') || document.documentElement.lang || 'zh-CN';
  const w = words(lang);
  const all = [...document.querySelectorAll('passrate-chart')];
  const n = all.length > 1 ? all.indexOf(container) + 1 : 0;
  // The file's name of an http(s) or relative address; a refused one (javascript:) says nothing.
  const src = container.getAttribute?.('src') || '';
  const file = /^(https?:|[^:]*$)/i.test(src) ? src.split(/[?#]/)[0].split('/').pop().slice(0, 60) : '';
  const text = title ? w.titledCannotShow(title) : n ? w.nthCannotShow(n, file) : w.cannotShow;
  const box = el('p', { class: 'error', role: 'alert', lang: langTag(lang) }, text);
  const fallback = [...container.children].some((c) => c.localName !== 'script');
  root.replaceChildren(...adopt(root), box, ...(fallback ? [el('slot')] : []));
  if (container.style) container.style.minHeight = '';
  console.error(err?.localized && err.localized !== err.message ? `${err.message}\n${err.localized}` : err);
}

const owned = new WeakSet();
const charts = new WeakMap();

/** The shadow root an earlier chart made in `container`, if any. */
function previousRoot(container) {
  if (container.shadowRoot && owned.has(container.shadowRoot)) return container.shadowRoot;
  return [...container.children].find((c) => c.hasAttribute('data-passrate-host'))?.shadowRoot ?? null;
}

/**
 * The shadow root a chart in `container` lives in. The <passrate-chart> element and an empty
 * element that can have a shadow root get their own; anything else — a <figure>, <li> or
 * <td> (which cannot have one), or an element whose children must stay visible — gets a
 * <div data-passrate-host> appended inside it. A chart mounted again in the same container
 * finds the root the first made (its own shadow root; an inner host, which destroy() removes).
 */
export function hostRoot(container) {
  const previous = previousRoot(container);
  if (previous) return previous;
  if (!container.shadowRoot && (container.localName === 'passrate-chart' || !container.children.length)) {
    try {
      const root = container.attachShadow({ mode: 'open' });
      owned.add(root);
      return root;
    } catch {
      // An element that cannot have a shadow root: an inner host below.
    }
  }
  const host = el('div', { 'data-passrate-host': '' });
  container.append(host);
  const root = host.attachShadow({ mode: 'open' });
  owned.add(root);
  return root;
}

/**
 * Draws a chart in `container`. `data`: a dataset object, JSON text or CSV text.
 * options: { view, lang, theme, height, wasm } (`wasm`: URL, bytes or WebAssembly.Module).
 * Rejects with an Error naming the field when the data is invalid; its `localized` property
 * has the same message in the chart's language.
 */
export async function mount(container, data, options = {}) {
  try {
    await load(options.wasm);
  } catch (e) {
    const why = String(e?.message || e);
    // A page whose Content-Security-Policy forbids WebAssembly: the browser's message names
    // 'unsafe-eval', but the narrower 'wasm-unsafe-eval' is the fix to give the page.
    const csp = /unsafe-eval|Content Security Policy|CSP/i.test(why)
      ? ". The page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src (not 'unsafe-eval'), or use the iframe embed"
      : '';
    const err = new Error(`wasm: the chart engine could not load (${why})${csp}`);
    err.localized = words(options.lang).engineFailed;
    err.wasmUnavailable = true;
    throw err;
  }
  let core;
  try {
    core = new (current().Chart)(data, langTag(options.lang));
  } catch (e) {
    if (isTrap(e)) restart().catch((x) => console.error(x));
    throw e instanceof Error ? e : new Error(String(e));
  }
  // A second mount in the same container replaces the first chart. Destroyed first: that
  // removes an inner host, and the new chart must not start in the detached one.
  const previous = previousRoot(container);
  if (previous) charts.get(previous)?.destroy();
  const root = hostRoot(container);
  const chart = new Chart(container, core, options, data, (err, title) => showError(container, err, title), root);
  charts.set(root, chart);
  return chart;
}

/** Why `data` cannot be drawn, in `lang` ('zh-CN' or 'en'), or undefined when it can. */
export async function explain(data, lang = 'zh-CN') {
  await load();
  try {
    new (current().Chart)(data, langTag(lang)).free();
    return undefined;
  } catch (e) {
    return e?.localized ?? e?.message ?? String(e);
  }
}

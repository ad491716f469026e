// mount(): the engine loaded, the data read, a Chart in the container; and the error box a
// reader sees when that cannot happen.

import { Chart } from './chart.js';
import { el, langTag } from './dom.js';
import { current, isTrap, load, restart } from './engine.js';
import { adopt } from './styles.js';
import { words } from './words.js';

/** Shows `err` in place of the chart in `container`, in the page's language, and logs it. */
export function showError(container, err) {
  const root = container.shadowRoot || container.attachShadow({ mode: 'open' });
  const lang = container.getAttribute?.('lang') || 'zh-CN';
  const detail = (langTag(lang) === 'en' ? null : err?.localized) || err?.message || String(err);
  const box = el('div', { class: 'error', role: 'alert' }, words(lang).cannotShow + detail);
  root.replaceChildren(...adopt(root), box);
  console.error(err);
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
    const err = new Error(`wasm: the chart engine could not load (${e?.message || e})`);
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
  return new Chart(container, core, options, data, (err) => showError(container, err));
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

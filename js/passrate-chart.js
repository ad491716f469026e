// passrate-chart: the embeddable widget and its JS API.
//
//   <script type="module" src=".../passrate-chart.js"></script>
//   <passrate-chart view="compare" lang="zh-CN" theme="auto">
//     <script type="application/json">{ ...dataset... }</script>
//     <img src="chart.svg" alt="…">   <!-- optional: shown until the chart draws, or if it cannot -->
//   </passrate-chart>
//
//   import { mount } from 'passrate-chart';
//   const chart = await mount(element, data, { view: 'change', lang: 'en' });
//
// The wasm module draws the chart and answers hit tests; this file owns the DOM around it:
// title, view tabs, legend toggles, tooltip, keyboard focus, live region, summary, data
// table. Text from data only ever enters the DOM through textContent or setAttribute.
// Importing this module touches no browser global, so server-side rendering can import it.

import * as firstEngine from './passrate_chart.js';

const DEFAULT_HEIGHT = 520;
const BRAND_COLOURS = ['background', 'text', 'muted', 'grid', 'axis', 'region', 'reference', 'previous', 'warning'];

const UI = {
  zh: {
    views: '图表视图',
    legend: '图例（点击可显示或隐藏）',
    chart: '交互图表',
    keys: '用左右方向键逐个查看数据点，Home、End 跳到首尾，Esc 关闭提示。',
    showTable: '查看数据',
    hideTable: '收起数据',
    download: '下载图片',
    derived: '推算',
    error: '图表无法显示：',
    of: (i, n) => `第${i}个，共${n}个。`,
  },
  en: {
    views: 'Chart views',
    legend: 'Legend (click to show or hide a series)',
    chart: 'interactive chart',
    keys: 'Use the left and right arrow keys to step through the data, Home and End to jump, Esc to close the tooltip.',
    showTable: 'View data',
    hideTable: 'Hide data',
    download: 'Download PNG',
    derived: 'derived',
    error: 'The chart cannot be shown: ',
    of: (i, n) => `${i} of ${n}.`,
  },
};

const CSS = `
:host { display: block; contain: layout; }
.prc { margin: 0; font-family: "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
  color: var(--prc-text); background: var(--prc-bg); padding: 12px; border-radius: 4px; position: relative; }
.prc *, .prc *::before { box-sizing: border-box; }
.title { font-size: 18px; font-weight: 700; line-height: 1.35; margin: 0; }
.subtitle { font-size: 13px; color: var(--prc-muted); margin: 2px 0 8px; }
.bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; margin-bottom: 4px; }
.tabs { display: inline-flex; border: 1px solid var(--prc-grid); border-radius: 6px; overflow: hidden; }
.tabs button { font: inherit; font-size: 13px; min-height: 32px; min-width: 44px; padding: 4px 12px; border: 0;
  background: transparent; color: var(--prc-text); cursor: pointer; }
.tabs button[aria-selected="true"] { background: var(--prc-text); color: var(--prc-bg); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; }
.legend button, .legend .item { display: inline-flex; align-items: center; gap: 6px; min-height: 28px; min-width: 24px;
  padding: 2px 6px; font: inherit; font-size: 12px; color: var(--prc-text); background: transparent; border: 1px solid transparent; border-radius: 4px; }
.legend button { cursor: pointer; border-color: var(--prc-grid); }
.legend button[aria-pressed="false"] { color: var(--prc-muted); text-decoration: line-through; }
.legend button[aria-pressed="false"] .sw { opacity: .25; }
.sw { width: 14px; height: 14px; flex: none; display: inline-block; }
.sw.hatched { background: repeating-linear-gradient(135deg, var(--c) 0 1.5px, transparent 1.5px 5px); border: 1.5px solid var(--c); }
.sw.dot { border-radius: 50%; width: 11px; height: 11px; }
.sw.hollow { border-radius: 50%; width: 11px; height: 11px; border: 2px solid var(--c); background: transparent !important; }
.sw.tick { width: 3px; }
.sw.dashed { height: 2px; background: repeating-linear-gradient(90deg, var(--c) 0 4px, transparent 4px 7px) !important; }
.stage { position: relative; outline: none; touch-action: manipulation; border-radius: 2px; }
.stage:focus-visible { box-shadow: 0 0 0 2px var(--prc-bg), 0 0 0 4px var(--prc-text); }
canvas { display: block; }
/* A short fade when the view, the data, the toggles or the language change; the tooltip and
   keyboard focus never wait for it. None for readers who ask for reduced motion. */
canvas.enter { animation: prc-enter 240ms ease-out; }
@keyframes prc-enter { from { opacity: 0.2; } to { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { canvas.enter { animation: none; } }
.focus { position: absolute; left: 0; top: 0; pointer-events: none; border: 2px solid var(--prc-text);
  box-shadow: 0 0 0 2px var(--prc-bg); border-radius: 3px; }
.tip { position: absolute; left: 0; top: 0; pointer-events: none; z-index: 2; max-width: min(300px, 90%);
  background: var(--prc-text); color: var(--prc-bg); font-size: 13px; line-height: 1.45; padding: 8px 10px;
  border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.tip[hidden], .focus[hidden] { display: none; }
.tip .h { font-weight: 700; }
.tip .v { font-size: 18px; font-weight: 700; }
.tip .l { opacity: .92; }
.notes { list-style: none; margin: 6px 0 0; padding: 0; font-size: 12px; color: var(--prc-warning); }
.source { font-size: 12px; color: var(--prc-muted); margin: 4px 0 0; }
.actions { margin-top: 6px; display: flex; gap: 8px; flex-wrap: wrap; }
.actions button { font: inherit; font-size: 13px; min-height: 28px; padding: 2px 10px; cursor: pointer;
  color: var(--prc-text); background: transparent; border: 1px solid var(--prc-grid); border-radius: 4px; }
.table-wrap { overflow-x: auto; margin-top: 8px; }
table { border-collapse: collapse; font-size: 13px; min-width: 100%; }
caption { text-align: left; font-size: 13px; color: var(--prc-muted); padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--prc-grid); padding: 4px 8px; text-align: right; white-space: nowrap; }
th[scope="row"], thead th:first-child { text-align: left; }
.how { margin: 6px 0 0; padding-left: 18px; font-size: 12px; color: var(--prc-muted); }
.badge { font-size: 11px; color: var(--prc-muted); border: 1px solid var(--prc-grid); border-radius: 3px; padding: 0 3px; margin-left: 4px; }
.mark { color: var(--prc-warning); margin-left: 2px; }
.sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.error { border: 2px solid #b42318; color: #b42318; background: #fff5f4; padding: 12px; font-size: 14px; white-space: pre-wrap; }
`;

// One wasm instance for every chart on the page. A panic or trap leaves that instance
// unusable for all of them, so the charts are registered here and, after one, rebuilt on a
// fresh instance (a new copy of the glue module, with its own wasm instance).
let engine = firstEngine;
let generation = 0;
let wasmSource;
let wasmReady = null;
const live = new Set();

function loadWasm(source) {
  if (source !== undefined) wasmSource = source;
  if (!wasmReady) {
    const e = engine;
    wasmReady = e.default(wasmSource === undefined ? undefined : { module_or_path: wasmSource }).catch((err) => {
      wasmReady = null;
      throw err;
    });
  }
  return wasmReady;
}

/** Whether `e` means the wasm instance can no longer be trusted. */
function isTrap(e) {
  return (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError)
    || /passrate-chart internal error|recursive use of an object/.test(String(e?.message ?? e));
}

let restarting = null;
/** Starts a fresh wasm instance and moves every live chart onto it. */
function restartEngine() {
  restarting ||= (async () => {
    generation += 1;
    const url = new URL(`./passrate_chart.js?instance=${generation}`, import.meta.url).href;
    try {
      engine = await import(/* @vite-ignore */ url);
      wasmReady = null;
      await loadWasm();
    } catch (e) {
      // A bundler that renamed the glue module: no fresh copy to load. Say so in every chart.
      for (const chart of [...live]) chart._fail(new Error(`The chart engine failed and could not restart: ${e.message}`));
      throw e;
    }
    for (const chart of [...live]) {
      try {
        chart._rebuild();
      } catch (e) {
        chart._fail(toError(e));
      }
    }
  })().finally(() => { restarting = null; });
  return restarting;
}

let uid = 0;

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function langKey(lang) {
  return String(lang || 'zh-CN').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * A JS object is checked before it crosses into wasm: numbers must be finite (JSON has no NaN
 * or Infinity), it must not contain itself, and it must be shallow enough to be a dataset.
 * Messages name the field, like the loader's.
 */
function checkObject(v, path = '', ancestors = new Set()) {
  const at = path || '(root)';
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${at}: expected a finite number, got ${v}`);
  if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') {
    throw new Error(`${at}: expected JSON data (a string, number, boolean, array or object), got a ${typeof v}`);
  }
  if (v === null || typeof v !== 'object') return;
  if (ancestors.has(v)) throw new Error(`${at}: the object contains itself; expected plain JSON data`);
  if (ancestors.size >= 16) throw new Error(`${at}: nested deeper than 16 levels; expected a dataset`);
  ancestors.add(v);
  for (const [k, x] of Object.entries(v)) checkObject(x, Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k, ancestors);
  ancestors.delete(v);
}

/** The error for the reader of the page, in its language (the Error itself stays English). */
function readerMessage(data, lang, err) {
  if (data === undefined || langKey(lang) === 'en' || !wasmReady) return err?.message ?? String(err);
  try {
    return engine.explainError(data, 'zh-CN') ?? err.message;
  } catch {
    return err.message;
  }
}

/** Why `data` cannot be drawn, in `lang` ('zh-CN' or 'en'), or undefined when it can. */
export async function explain(data, lang = 'zh-CN') {
  await loadWasm();
  try {
    checkData(data);
  } catch (e) {
    return e.message;
  }
  return engine.explainError(data, langKey(lang) === 'en' ? 'en' : 'zh-CN');
}

function checkData(data) {
  if (data !== null && typeof data === 'object') checkObject(data);
}

function toError(e) {
  if (e instanceof Error) return e;
  return new Error(String(e));
}

/** A chart bound to a container. Created by `mount`. */
export class Chart {
  constructor(container, core, options, data) {
    this.container = container;
    this.core = core;
    this.data = data;
    live.add(this);
    this.options = { view: 'compare', lang: 'zh-CN', theme: 'light', height: DEFAULT_HEIGHT, ...options };
    this.shown = { region: true, reference: true, previous: true };
    this.points = [];
    this.active = -1;
    this.frame = 0;
    this.drawnFor = '';
    this.id = `prc${++uid}`;
    this.root = container.shadowRoot || container.attachShadow({ mode: 'open' });
    this.#build();
    this.#observe();
    this.#apply();
    this.redraw();
  }

  /** Replaces the data (object, JSON text or CSV text). Throws an Error naming the field. */
  update(data) {
    try {
      checkData(data);
      this.#guard(() => this.core.update(data));
    } catch (e) {
      throw toError(e);
    }
    this.data = data;
    this.textStale = true;
    this.redraw();
  }

  /** 'compare', 'change', or 'trend' (for data with three or more years). */
  setView(view) {
    try {
      this.#guard(() => this.core.setView(String(view)));
    } catch (e) {
      throw toError(e);
    }
    this.options.view = view;
    this.#apply();
    this.redraw();
  }

  setLang(lang) {
    this.options.lang = lang;
    this.#apply();
    this.redraw();
  }

  setTheme(theme) {
    this.options.theme = theme;
    this.#apply();
    this.redraw();
  }

  /** Draws now, at the container's current width and devicePixelRatio, picking up any change
   * to the --passrate-* custom properties. */
  redraw() {
    // Settings are applied by their setters; here only a changed brand style is picked up.
    if (this.core && this.#brandStyle().key !== this.brandKey) this.#apply();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.drawnFor = '';
    this.#draw();
  }

  /**
   * The chart as a standalone PNG Blob, with its title, legend, warnings and source drawn in
   * the image (a page's text around the chart does not travel with a downloaded picture).
   */
  toPNG({ scale, width } = {}) {
    const s = Number(scale) || Math.max(2, window.devicePixelRatio || 1);
    const w = Number(width) || this.stage.clientWidth || 640;
    const canvas = document.createElement('canvas');
    this.#guard(() => this.core.drawImage(canvas, w, Number(this.options.height) || DEFAULT_HEIGHT, s));
    return new Promise((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toPNG: the browser could not encode the image'))), 'image/png');
    });
  }

  /** Removes the chart and its listeners; the container is left empty. */
  destroy() {
    this.resizeObserver?.disconnect();
    this.dprQuery?.removeEventListener('change', this.onDpr);
    this.darkQuery?.removeEventListener('change', this.onScheme);
    this.pageTheme?.disconnect();
    document.removeEventListener('pointerdown', this.onDocPointer, true);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.root.replaceChildren();
    live.delete(this);
    try {
      this.core?.free();
    } catch {
      // A core from a failed instance: nothing to free.
    }
    this.core = null;
  }

  /**
   * Runs a call into the wasm core. After a panic or trap this chart shows an error box, and
   * every other chart on the page is moved to a fresh instance; the error is rethrown.
   */
  #guard(fn) {
    try {
      return fn();
    } catch (e) {
      if (!isTrap(e)) throw e;
      const err = new Error(`The chart engine failed and was restarted: ${e.message || e}`);
      this._fail(err);
      restartEngine().catch((x) => console.error(x));
      throw err;
    }
  }

  /** Recreates the core on the current engine from the last good data, and redraws. */
  _rebuild() {
    this.core = new engine.Chart(this.data);
    this.#apply();
    this.redraw();
  }

  /** Shows `err` in place of this chart and stops it. */
  _fail(err) {
    live.delete(this);
    this.core = null;
    this.resizeObserver?.disconnect();
    document.removeEventListener('pointerdown', this.onDocPointer, true);
    showError(this.container, err);
  }

  /** Makes the engine panic, to test the recovery (not part of the API). */
  _panicForTests() {
    this.#guard(() => engine.__panicForTests());
  }

  #ui() {
    return UI[langKey(this.options.lang)];
  }

  #build() {
    const id = this.id;
    this.root.replaceChildren(...style(this.root));
    const fig = el('figure', { class: 'prc', part: 'figure', 'aria-labelledby': `${id}-title` });
    const cap = el('figcaption');
    this.title = el('p', { class: 'title', id: `${id}-title` });
    this.subtitle = el('p', { class: 'subtitle' });
    cap.append(this.title, this.subtitle);
    const bar = el('div', { class: 'bar' });
    this.tabs = el('div', { class: 'tabs', role: 'tablist' });
    this.legend = el('div', { class: 'legend', role: 'group' });
    bar.append(this.tabs, this.legend);
    this.stage = el('div', { class: 'stage', id: `${id}-stage`, role: 'group', tabindex: '0', 'aria-describedby': `${id}-summary ${id}-keys` });
    this.canvas = el('canvas', { 'aria-hidden': 'true' });
    this.focusBox = el('div', { class: 'focus', 'aria-hidden': 'true', hidden: '' });
    this.tip = el('div', { class: 'tip', 'aria-hidden': 'true', hidden: '' });
    this.stage.append(this.canvas, this.focusBox, this.tip);
    this.summary = el('p', { class: 'sr-only', id: `${id}-summary` });
    this.keys = el('p', { class: 'sr-only', id: `${id}-keys` });
    this.notes = el('ol', { class: 'notes' });
    this.source = el('p', { class: 'source' });
    const actions = el('div', { class: 'actions' });
    this.tableButton = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-table` });
    this.pngButton = el('button', { type: 'button' });
    actions.append(this.tableButton, this.pngButton);
    this.tableWrap = el('div', { class: 'table-wrap sr-only', id: `${id}-table` });
    this.live = el('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    fig.append(cap, bar, this.stage, this.summary, this.keys, this.notes, this.source, actions, this.tableWrap, this.live);
    this.root.append(fig);
    this.figure = fig;

    this.tableButton.addEventListener('click', () => {
      const open = this.tableButton.getAttribute('aria-expanded') !== 'true';
      this.tableButton.setAttribute('aria-expanded', String(open));
      this.tableWrap.classList.toggle('sr-only', !open);
      this.tableButton.textContent = open ? this.#ui().hideTable : this.#ui().showTable;
    });
    this.pngButton.addEventListener('click', async () => {
      const blob = await this.toPNG();
      const a = el('a', { href: URL.createObjectURL(blob), download: `${this.title.textContent || 'chart'}.png` });
      this.root.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    });
    this.tabs.addEventListener('keydown', (e) => {
      const views = this.viewIds;
      const i = views.indexOf(this.options.view);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: views.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      const view = views[(next + views.length) % views.length];
      this.tabs.querySelector(`[data-view="${view}"]`)?.focus();
      this.setView(view);
    });

    this.stage.addEventListener('pointermove', (e) => {
      if (e.pointerType !== 'mouse') return;
      this.#show(this.#hitAt(e), false);
    });
    this.stage.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') this.#hide();
    });
    this.stage.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'mouse') return;
      const i = this.#hitAt(e);
      if (i < 0 || i === this.active) this.#hide();
      else this.#show(i, false);
    });
    this.onDocPointer = (e) => {
      if (this.active >= 0 && !e.composedPath().includes(this.stage)) this.#hide();
    };
    document.addEventListener('pointerdown', this.onDocPointer, true);
    this.stage.addEventListener('keydown', (e) => {
      const n = this.points.length;
      if (e.key === 'Escape') {
        if (this.active >= 0) {
          this.#hide();
          e.preventDefault();
        }
        return;
      }
      if (!n) return;
      const at = this.active;
      const next = {
        ArrowRight: at < 0 ? 0 : Math.min(n - 1, at + 1),
        ArrowDown: at < 0 ? 0 : Math.min(n - 1, at + 1),
        ArrowLeft: at < 0 ? 0 : Math.max(0, at - 1),
        ArrowUp: at < 0 ? 0 : Math.max(0, at - 1),
        Home: 0,
        End: n - 1,
      }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      this.#show(next, true);
    });
    this.stage.addEventListener('blur', () => this.#hide());
  }

  #observe() {
    this.resizeObserver = new ResizeObserver(() => this.#schedule());
    this.resizeObserver.observe(this.container);
    this.onDpr = () => {
      this.dprQuery?.removeEventListener('change', this.onDpr);
      this.#watchDpr();
      this.#schedule();
    };
    this.#watchDpr();
    this.darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');
    this.onScheme = () => {
      if (this.options.theme === 'auto') {
        this.#apply();
        this.redraw();
      }
    };
    this.darkQuery?.addEventListener?.('change', this.onScheme);
    this.pageTheme = new MutationObserver(this.onScheme);
    this.pageTheme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  }

  #watchDpr() {
    this.dprQuery = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.dprQuery?.addEventListener?.('change', this.onDpr);
  }

  /** At most one draw per frame, and none when nothing that matters changed. */
  #schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.#draw();
    });
  }

  #theme() {
    const t = this.options.theme;
    if (t === 'auto') {
      // The host page's own switch wins (data-theme="dark" or class="dark" on <html>), then
      // the reader's system setting.
      const html = document.documentElement;
      const page = html.dataset.theme || (html.classList.contains('dark') ? 'dark' : '');
      if (page === 'dark' || page === 'light') return page;
      return this.darkQuery?.matches ? 'dark' : 'light';
    }
    return t === 'dark' ? 'dark' : 'light';
  }

  /**
   * A newsroom's own colours and font (read by #brandStyle, applied by #brand), from CSS
   * custom properties on the element or any ancestor: --passrate-region, --passrate-reference,
   * --passrate-previous, --passrate-background, --passrate-text, --passrate-muted,
   * --passrate-grid, --passrate-axis, --passrate-warning, --passrate-font. They apply on top of the theme, on the canvas and
   * around it. Any CSS colour works; an invalid one is reported and ignored.
   */
  #brandStyle() {
    const cs = getComputedStyle(this.container);
    const style = {};
    const warnings = [];
    const probe = (this.probe ||= document.createElement('canvas').getContext('2d'));
    for (const name of BRAND_COLOURS) {
      const raw = cs.getPropertyValue(`--passrate-${name}`).trim();
      if (!raw) continue;
      probe.fillStyle = '#000001';
      probe.fillStyle = raw;
      const hex = probe.fillStyle;
      if (/^#[0-9a-f]{6}$/i.test(hex) && hex !== '#000001') style[name] = hex;
      else warnings.push(`passrate-chart: --passrate-${name}: expected an opaque CSS colour, got "${raw}"`);
    }
    const font = cs.getPropertyValue('--passrate-font').trim();
    if (font) style.font = font;
    return { style, font, warnings, key: JSON.stringify(style) + warnings.join() };
  }

  #brand(core) {
    const { style, font, warnings, key } = this.#brandStyle();
    this.brandKey = key;
    warnings.forEach((w) => console.warn(w));
    if (Object.keys(style).length) {
      try {
        core.setStyle(JSON.stringify(style));
      } catch (e) {
        if (isTrap(e)) throw e;
        console.warn(`passrate-chart: ${e.message}`);
      }
    }
    this.figure.style.fontFamily = font || '';
  }

  /** Settings that change the text around the chart. */
  #apply() {
    const core = this.core;
    if (!core) return;
    this.textStale = true;
    this.#guard(() => {
      try {
        core.setView(this.options.view);
      } catch (e) {
        // New data without three years has no trend view: show the comparison.
        if (isTrap(e)) throw e;
        this.options.view = 'compare';
        core.setView('compare');
      }
      core.setLang(langKey(this.options.lang) === 'en' ? 'en' : 'zh-CN');
      core.setTheme(this.#theme());
      this.#brand(core);
      core.setFurniture(false);
      core.setShown(this.shown.region, this.shown.reference, this.shown.previous);
    });
  }

  #fillText(d) {
    const ui = this.#ui();
    // Tabs and legend are rebuilt below; keep keyboard focus on the control that had it.
    const focused = this.root.activeElement;
    const refocus = focused?.dataset?.view ? `[data-view="${focused.dataset.view}"]`
      : focused?.dataset?.series ? `[data-series="${focused.dataset.series}"]` : null;
    this.figure.setAttribute('lang', langKey(this.options.lang) === 'en' ? 'en' : 'zh-CN');
    for (const [k, v] of Object.entries(d.colors)) this.figure.style.setProperty(`--prc-${k === 'background' ? 'bg' : k}`, v);
    this.title.textContent = d.title;
    this.subtitle.textContent = d.subtitle;
    this.tabs.setAttribute('aria-label', ui.views);
    this.viewIds = d.views.map((v) => v.id);
    this.tabs.replaceChildren(...d.views.map((v) => {
      const selected = v.id === d.view;
      const b = el('button', {
        type: 'button', role: 'tab', 'data-view': v.id, 'aria-selected': String(selected),
        'aria-controls': `${this.id}-stage`, tabindex: selected ? '0' : '-1', id: `${this.id}-tab-${v.id}`,
      }, v.label);
      b.addEventListener('click', () => this.setView(v.id));
      return b;
    }));
    this.legend.setAttribute('aria-label', ui.legend);
    this.legend.replaceChildren(...d.legend.map((item) => {
      const sw = el('span', { class: `sw ${item.swatch}`, 'aria-hidden': 'true' });
      sw.style.setProperty('--c', item.color);
      if (item.swatch !== 'hatched' && item.swatch !== 'hollow') sw.style.background = item.color;
      const label = el('span', {}, item.label);
      if (!item.series) {
        const span = el('span', { class: 'item' });
        span.append(sw, label);
        return span;
      }
      const b = el('button', { type: 'button', 'aria-pressed': String(item.shown), 'data-series': item.series });
      b.append(sw, label);
      b.addEventListener('click', () => {
        this.shown[item.series] = !this.shown[item.series];
        this.#apply();
        this.redraw();
      });
      return b;
    }));
    this.stage.setAttribute('aria-roledescription', ui.chart);
    this.stage.setAttribute('aria-labelledby', `${this.id}-title ${this.id}-tab-${d.view}`);
    this.summary.textContent = d.summary;
    this.keys.textContent = ui.keys;
    this.notes.replaceChildren(...d.footnotes.map((t) => el('li', {}, t)));
    this.source.textContent = d.source;
    const open = this.tableButton.getAttribute('aria-expanded') === 'true';
    this.tableButton.textContent = open ? ui.hideTable : ui.showTable;
    this.pngButton.textContent = ui.download;
    this.#fillTable(d.table);
    if (refocus) this.root.querySelector(refocus)?.focus();
  }

  #fillTable(t) {
    const ui = this.#ui();
    const table = el('table');
    table.append(el('caption', {}, t.caption));
    const head = el('tr');
    t.columns.forEach((c) => head.append(el('th', { scope: 'col' }, c)));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const row of t.rows) {
      const tr = el('tr');
      row.forEach((cell, i) => {
        const td = el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {});
        td.append(document.createTextNode(cell.text));
        if (cell.derived) td.append(el('span', { class: 'badge' }, ui.derived));
        if (cell.markers) td.append(el('span', { class: 'mark' }, cell.markers));
        if (cell.provenance) td.setAttribute('title', cell.provenance);
        tr.append(td);
      });
      body.append(tr);
    }
    table.append(body);
    // How each derived number was computed, as text everyone can read (not only a title tooltip).
    const how = el('ul', { class: 'how' });
    for (const row of t.rows) {
      row.forEach((cell, i) => {
        if (cell.derived) how.append(el('li', {}, `${row[0].text} · ${t.columns[i]} ${cell.text}：${cell.provenance}`));
      });
    }
    const notes = el('ol', { class: 'notes' });
    t.notes.forEach((n) => notes.append(el('li', {}, n)));
    this.tableWrap.replaceChildren(table, how, notes);
  }

  #draw() {
    if (!this.core) return;
    try {
      this.#guard(() => this.#drawUnguarded());
    } catch (e) {
      // Already shown in place of the chart; keep resize and frame callbacks from throwing.
      console.error(e);
    }
  }

  #drawUnguarded() {
    const width = Math.floor(this.stage.clientWidth || this.container.clientWidth);
    const dpr = window.devicePixelRatio || 1;
    // A hidden tab or a 0-px container: draw when it becomes visible (ResizeObserver fires).
    if (width <= 0) return;
    const key = `${width}|${dpr}`;
    if (key === this.drawnFor) return;
    this.drawnFor = key;
    this.#hide();
    // The widget's total height is fixed by the `height` option; the canvas takes what the
    // text around it leaves, so nothing below the widget moves when the chart arrives.
    const total = Number(this.options.height) || DEFAULT_HEIGHT;
    let canvasHeight = Math.max(200, total - this.#chromeHeight());
    let drawn = this.core.draw(this.canvas, width, canvasHeight, dpr);
    // The text around the chart changes with the data, view, language, theme or toggles, not
    // with its size: a resize or redraw() leaves the DOM text alone.
    const refresh = this.textStale;
    if (refresh && this.points.length) {
      // Restart the fade (not on the first draw: the chart arrives without motion).
      this.canvas.classList.remove('enter');
      void this.canvas.offsetWidth;
      this.canvas.classList.add('enter');
    }
    if (refresh) {
      this.#fillText(JSON.parse(this.core.describe()));
      this.textStale = false;
    }
    const wanted = Math.max(200, total - this.#chromeHeight());
    if (Math.abs(wanted - drawn) > 1) {
      canvasHeight = wanted;
      drawn = this.core.draw(this.canvas, width, canvasHeight, dpr);
    }
    // When the chart needs more room than `height` leaves (a narrow phone, long notes), the
    // widget grows; the reservation follows so later redraws do not jump back and forth.
    this.container.style.minHeight = `${Math.max(total, Math.ceil(this.figure.getBoundingClientRect().height))}px`;
    if (refresh || !this.points.length) {
      this.points = JSON.parse(this.core.points());
    } else {
      const b = this.core.boxes();
      this.points.forEach((p, i) => Object.assign(p, { x: b[4 * i], y: b[4 * i + 1], w: b[4 * i + 2], h: b[4 * i + 3] }));
    }
    this.container.dataset.drawn = String(Number(this.container.dataset.drawn || 0) + 1);
  }

  #chromeHeight() {
    const fig = this.figure.getBoundingClientRect().height;
    const stage = this.stage.getBoundingClientRect().height;
    return fig ? fig - stage : 180;
  }

  #hitAt(e) {
    const r = this.canvas.getBoundingClientRect();
    if (!this.core) return -1;
    return this.#guard(() => this.core.hit(e.clientX - r.left, e.clientY - r.top));
  }

  #show(i, announce) {
    if (i < 0 || i >= this.points.length) return this.#hide();
    const p = this.points[i];
    this.active = i;
    const stageW = this.stage.clientWidth;
    this.focusBox.hidden = false;
    this.focusBox.style.width = `${p.w}px`;
    this.focusBox.style.height = `${p.h}px`;
    this.focusBox.style.transform = `translate(${p.x}px, ${p.y}px)`;
    this.tip.replaceChildren(el('div', { class: 'h' }, p.heading), el('div', { class: 'v' }, p.value),
      ...p.lines.map((l) => el('div', { class: 'l' }, l)));
    this.tip.hidden = false;
    const tw = this.tip.offsetWidth;
    const th = this.tip.offsetHeight;
    let x = p.x + p.w + 8;
    if (x + tw > stageW) x = p.x - tw - 8;
    x = Math.max(0, Math.min(x, stageW - tw));
    let y = p.y + p.h / 2 - th / 2;
    y = Math.max(0, Math.min(y, this.stage.clientHeight - th));
    this.tip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    if (announce) this.live.textContent = `${p.spoken} ${this.#ui().of(i + 1, this.points.length)}`;
  }

  #hide() {
    this.active = -1;
    if (this.tip) this.tip.hidden = true;
    if (this.focusBox) this.focusBox.hidden = true;
  }
}

/** Styles for a shadow root: a constructed sheet (allowed under a strict style-src CSP), or a
 * <style> element where constructed sheets are not supported. */
function style(root) {
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ||= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    return [];
  }
  return [el('style', {}, CSS)];
}
let sheet = null;

function showError(container, err, detail = err.message) {
  const root = container.shadowRoot || container.attachShadow({ mode: 'open' });
  const lang = langKey(container.getAttribute?.('lang') || 'zh-CN');
  const box = el('div', { class: 'error', role: 'alert' }, UI[lang].error + detail);
  root.replaceChildren(...style(root), box);
  console.error(err);
}

/**
 * Draws a chart in `container`. `data`: a dataset object, JSON text or CSV text.
 * options: { view, lang, theme, height, wasm } (`wasm`: URL or bytes of the .wasm file).
 * Rejects with an Error naming the field when the data is invalid.
 */
export async function mount(container, data, options = {}) {
  try {
    await loadWasm(options.wasm);
  } catch (e) {
    const err = new Error(`wasm: the chart engine could not load (${e?.message || e})`);
    err.wasmUnavailable = true;
    throw err;
  }
  let core;
  try {
    checkData(data);
    core = new engine.Chart(data);
  } catch (e) {
    if (isTrap(e)) restartEngine().catch((x) => console.error(x));
    throw toError(e);
  }
  return new Chart(container, core, options, data);
}

/** `src` as a URL, if it is http(s) or relative; anything else (javascript:, data:, file:) is refused. */
function dataUrl(src) {
  const url = new URL(src, document.baseURI);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`src: expected an http(s) or relative URL, got "${src.slice(0, 60)}"`);
  }
  return url;
}

async function dataOf(host) {
  const src = host.getAttribute('src');
  if (src) {
    const r = await fetch(dataUrl(src), { credentials: 'same-origin' });
    if (!r.ok) throw new Error(`src: ${src} answered HTTP ${r.status}`);
    return r.text();
  }
  const script = host.querySelector('script[type="application/json"], script[type="text/csv"]');
  if (!script) throw new Error('data: expected a src attribute or a <script type="application/json"> (or text/csv) child');
  return script.textContent;
}

const Base = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

/** <passrate-chart view lang theme src height> */
export class PassrateChartElement extends Base {
  static observedAttributes = ['view', 'lang', 'theme', 'src', 'height'];

  connectedCallback() {
    const height = Number(this.getAttribute('height')) || DEFAULT_HEIGHT;
    // Reserve the height now, before the wasm and the data arrive.
    if (!this.style.minHeight) this.style.minHeight = `${height}px`;
    if (this.chart || this.starting) return;
    const start = () => {
      this.viewport?.disconnect();
      this.starting = this.#start().finally(() => { this.starting = null; });
    };
    if (typeof IntersectionObserver === 'function') {
      this.viewport = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '200% 0px' });
      this.viewport.observe(this);
    } else {
      start();
    }
  }

  disconnectedCallback() {
    this.viewport?.disconnect();
    this.chart?.destroy();
    this.chart = null;
  }

  attributeChangedCallback(name, old, value) {
    if (!this.chart || old === value) return;
    try {
      if (name === 'view') this.chart.setView(value || 'compare');
      else if (name === 'lang') this.chart.setLang(value || 'zh-CN');
      else if (name === 'theme') this.chart.setTheme(value || 'light');
      else if (name === 'height') { this.chart.options.height = Number(value) || DEFAULT_HEIGHT; this.chart.redraw(); }
      else if (name === 'src') {
        dataOf(this).then((d) => this.chart.update(d)).catch((e) => {
          this.chart?.destroy();
          this.chart = null;
          showError(this, toError(e));
        });
      }
    } catch (e) {
      console.error(e);
    }
  }

  async #start() {
    let data;
    try {
      data = await dataOf(this);
      this.chart = await mount(this, data, {
        view: this.getAttribute('view') || 'compare',
        lang: this.getAttribute('lang') || 'zh-CN',
        theme: this.getAttribute('theme') || 'light',
        height: Number(this.getAttribute('height')) || DEFAULT_HEIGHT,
      });
      if (!this.isConnected) {
        // Removed while loading: nothing to show, nothing to leak.
        this.chart.destroy();
        this.chart = null;
        return;
      }
      this.dispatchEvent(new CustomEvent('ready'));
    } catch (e) {
      const fallback = [...this.children].some((c) => c.localName !== 'script');
      if (e?.wasmUnavailable && fallback) {
        // An old engine or a blocked .wasm: keep showing the static chart the page provided.
        const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
        root.replaceChildren(el('slot'));
        console.error(e);
      } else {
        showError(this, toError(e), readerMessage(data, this.getAttribute('lang'), e));
      }
      this.dispatchEvent(new CustomEvent('error', { detail: e }));
    }
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('passrate-chart')) {
  customElements.define('passrate-chart', PassrateChartElement);
}

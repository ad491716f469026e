// A chart bound to a container: it holds the settings (view, language, theme, shown series,
// brand style) and turns each change into one frame of the engine, at most one per
// animation frame.
//
// A frame whose text changed (new data, view, language, theme or toggles) asks the engine
// for the page text first, fills the DOM, then draws the one canvas that fits what is left of
// the widget's height. A resize draws only (the text does not depend on the size). Hover is
// one lookup in the engine's hit index.

import { langTag } from './dom.js';
import { current, guarded, live } from './engine.js';
import { attach } from './input.js';
import { View } from './view.js';

export const DEFAULT_HEIGHT = 520;
/**
 * The canvas's resolution on paper, 384 dpi (4 device px per CSS px of 1/96 in). Not 3:
 * Chromium prints a canvas redrawn at 3× its CSS size 1.6 % too small (measured; at 2 and 4
 * it is exact).
 */
export const PRINT_DPR = 4;
const VIEWS = ['compare', 'change', 'trend', 'cities'];
/** The views as messages list them: "compare", "change", "trend" or "cities". */
const VIEW_LIST = VIEWS.map((v) => `"${v}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');
const THEMES = ['light', 'dark', 'auto'];
const BRAND_COLOURS = ['background', 'text', 'muted', 'grid', 'axis', 'region', 'reference', 'previous', 'warning'];

let uid = 0;

function toError(e) {
  return e instanceof Error ? e : new Error(String(e));
}

export class Chart {
  constructor(container, core, options, data, onFail, root) {
    this.container = container;
    this.core = core;
    this.data = data;
    this.onFail = onFail;
    this.options = { view: 'compare', lang: 'zh-CN', theme: 'light', height: DEFAULT_HEIGHT, ...options };
    this.shown = { region: true, reference: true, previous: true };
    // Which page of a paged view (a province's cities, many tiers over many years), from 0.
    this.page = 0;
    this.points = [];
    this.pointText = [];
    this.text = null;
    this.active = -1;
    this.frame = 0;
    this.drawnFor = '';
    this.textStale = true;
    this.id = `prc${++uid}`;
    if (this.options.highlight && !this.#regions().includes(this.options.highlight)) {
      // The engine already holds the data: free it, since no chart will.
      core.free();
      throw new Error(`highlight: expected a region of the data, got "${String(this.options.highlight).slice(0, 40)}"`);
    }
    this.#checkOptions();
    live.add(this);
    this.view = new View(root, this.id);
    this.detach = attach(this, this.view);
    this.#observe();
    this.#checkView();
    this.redraw();
  }

  /** The views the data supports, in tab order. */
  get views() {
    this.viewIds ||= this.core ? this.#call(() => this.core.views()).split(' ') : ['compare'];
    return this.viewIds;
  }

  /** Replaces the data (object, JSON text or CSV text). Throws an Error naming the field. */
  update(data) {
    try {
      this.#call(() => this.core.update(data, langTag(this.options.lang)));
    } catch (e) {
      throw toError(e);
    }
    this.data = data;
    this.viewIds = null;
    // A highlighted region the new data does not have: show its first.
    if (this.options.highlight && !this.#regions().includes(this.options.highlight)) {
      this.options.highlight = '';
    }
    // New data without three years has no trend view: show the comparison.
    if (!this.views.includes(this.options.view)) this.options.view = 'compare';
    this.#changed();
  }

  /** One of VIEWS that the data supports (trend: three years or more; cities: two regions or more). */
  setView(view) {
    if (!VIEWS.includes(view)) throw new Error(`view: expected ${VIEW_LIST}, got "${String(view).slice(0, 40)}"`);
    if (!this.views.includes(view)) throw new Error(`view: "${view}" needs three or more years of data`);
    this.options.view = view;
    this.#changed();
  }

  setLang(lang) {
    if (!/^(zh|en)([-_]|$)/i.test(String(lang))) console.warn(`passrate-chart: lang: expected "zh-CN" or "en", got "${String(lang).slice(0, 40)}"; showing Chinese`);
    this.options.lang = lang;
    this.#changed(false);
  }

  /** The region the compare, change and trend views show (and the cities view emphasises):
   * one of the data's regions, by name; '' for the first. */
  setHighlight(region) {
    const name = String(region ?? '');
    if (name && !this.#regions().includes(name)) {
      throw new Error(`highlight: expected a region of the data, got "${name.slice(0, 40)}"`);
    }
    this.options.highlight = name;
    this.#changed();
  }

  setTheme(theme) {
    if (!THEMES.includes(theme)) throw new Error(`theme: expected "light", "dark" or "auto", got "${String(theme).slice(0, 40)}"`);
    this.options.theme = theme;
    this.#changed(false);
  }

  /** Draws now, at the container's current width and devicePixelRatio, picking up any change
   * to the --passrate-* custom properties. */
  redraw() {
    const brand = this.#brand();
    if (brand.key !== this.brandKey) {
      this.brandKey = brand.key;
      brand.warnings.forEach((w) => console.warn(w));
      this.view.figure.style.fontFamily = brand.font || '';
      this.textStale = true;
    }
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
    const w = Number(width) || this.view.stage.clientWidth || 640;
    const canvas = document.createElement('canvas');
    const height = Number(this.options.height) || DEFAULT_HEIGHT;
    this.#call(() => this.core.drawImage(canvas, this.#settings(), w, height, s));
    return new Promise((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toPNG: the browser could not encode the image'))), 'image/png');
    });
  }

  /** Removes the chart and its listeners; the container is left as it was before. */
  destroy() {
    this.#disconnect();
    this.view.root.replaceChildren();
    const host = this.view.root.host;
    if (host?.hasAttribute('data-passrate-host')) host.remove();
    this.container.style.minHeight = '';
    live.delete(this);
    try {
      this.core?.free();
    } catch {
      // A core from a failed instance: nothing to free.
    }
    this.core = null;
  }

  // ---- For the input handlers, the element and the engine (not part of the API). ----

  /** The index of the point under a pointer event, or -1. */
  _hitAt(e) {
    if (!this.core) return -1;
    const r = this.view.canvas.getBoundingClientRect();
    return this.#call(() => this.core.hit(e.clientX - r.left, e.clientY - r.top));
  }

  /** Shows point `i`'s tooltip; `by` is what brought it: 'pointer', 'touch' or 'keyboard'. */
  _show(i, by) {
    if (i < 0 || i >= this.points.length) return this._hide();
    this.active = i;
    this.shownBy = by;
    this.view.show(this.points[i], this.points.map((p) => p.mark), by === 'pointer');
  }

  _hide() {
    this.active = -1;
    this.shownBy = null;
    this.view.hide();
  }

  /**
   * Every figure of the data as CSV text (UTF-8 with a byte-order mark, so Excel opens it as
   * such): one row per figure as the chart shows it, with its provenance, its derivation or
   * the source's words, its warnings and the source.
   */
  toCSV() {
    return this.#call(() => this.core.csv(this.#settings()));
  }

  _downloadData() {
    const blob = new Blob([this.toCSV()], { type: 'text/csv;charset=utf-8' });
    this.#save(blob, `${this.text?.title || 'chart'}.csv`);
  }

  #save(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    this.view.root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  async _download() {
    const blob = await this.toPNG();
    this.#save(blob, `${this.text?.title || 'chart'}.png`);
  }

  /** Recreates the core on the current engine from the last good data, and redraws. */
  _rebuild() {
    this.core = new (current().Chart)(this.data, langTag(this.options.lang));
    this.#changed(false);
  }

  /** Shows `err` in place of this chart, named by its title, and stops it. */
  _fail(err) {
    live.delete(this);
    this.core = null;
    this.#disconnect();
    this.onFail?.(err, this.text?.title);
  }

  /** Makes the engine panic, to test the recovery. */
  _panicForTests() {
    this.#call(() => current().__panicForTests());
  }

  // ---- Frames ----

  #call(fn) {
    return guarded(fn, (err) => this._fail(err));
  }

  /** Redraws with new text; new data, a new view, highlight or toggles (`newPage`) start
   * again at the first page, a new language or theme stays on the page shown. */
  #changed(newPage = true) {
    this.textStale = true;
    if (newPage) this.page = 0;
    this.redraw();
  }

  /** Shows the page `step` pages on (−1: the one before). */
  _turnPage(step) {
    this.page = Math.max(0, this.page + step);
    this.redraw();
  }

  /** Every name a region of the data goes by. */
  #regions() {
    return this.core ? this.#call(() => this.core.regions()).split('\n') : [];
  }

  /** An option the chart does not know is reported with the values it takes (a typo like
   * view="chnage" would otherwise pass unnoticed), and the default is used. */
  #checkOptions() {
    const o = this.options;
    const say = (name, want, got, instead) => console.warn(`passrate-chart: ${name}: expected ${want}, got "${String(got).slice(0, 40)}"; showing ${instead}`);
    if (!VIEWS.includes(o.view)) say('view', VIEW_LIST, o.view, 'compare');
    if (!THEMES.includes(o.theme)) {
      say('theme', '"light", "dark" or "auto"', o.theme, 'light');
      o.theme = 'light';
    }
    if (!/^(zh|en)([-_]|$)/i.test(String(o.lang))) say('lang', '"zh-CN" or "en"', o.lang, 'Chinese');
  }

  #checkView() {
    if (!this.views.includes(this.options.view)) {
      if (VIEWS.includes(this.options.view)) {
        console.warn(`passrate-chart: view: "${this.options.view}" needs data the chart does not have (the trend view three years or more, the cities view two areas or more); showing compare`);
      }
      this.options.view = 'compare';
    }
  }

  /** Every setting a call into the engine needs, as the JSON it reads. */
  #settings() {
    const s = this.shown;
    return JSON.stringify({
      view: this.options.view,
      lang: langTag(this.options.lang),
      theme: this.#theme(),
      style: this.brandStyle,
      shown: (s.region ? 1 : 0) | (s.reference ? 2 : 0) | (s.previous ? 4 : 0),
      highlight: this.options.highlight || undefined,
      page: this.page || undefined,
    });
  }

  #draw() {
    if (!this.core) return;
    try {
      this.#drawUnguarded();
    } catch (e) {
      // Already shown in place of the chart; keep resize and frame callbacks from throwing.
      console.error(e);
    }
  }

  #drawUnguarded() {
    const view = this.view;
    const width = Math.floor(view.stage.clientWidth || this.container.clientWidth);
    const dpr = this.printing ? Math.max(PRINT_DPR, window.devicePixelRatio || 1) : window.devicePixelRatio || 1;
    // A hidden tab or a 0-px container: draw when it becomes visible (ResizeObserver fires).
    if (width <= 0) return;
    const key = `${width}|${dpr}`;
    if (key === this.drawnFor && !this.textStale) return;
    this.drawnFor = key;
    // A keyboard tooltip comes back after the redraw; one dismissed with Esc stays dismissed.
    const reshow = this.shownBy === 'keyboard';
    this._hide();
    const settings = this.#settings();
    const refresh = this.textStale;
    // The point that has keyboard focus, by what it is: the same point (or the nearest one
    // left) gets focus back after the redraw, whatever changed (WCAG 2.4.3).
    const focusedKey = this.#focusedKey();
    if (refresh) {
      this.text = JSON.parse(this.#call(() => this.core.text(settings)));
      view.fill(this.text, {
        view: (id) => this.setView(id),
        toggle: (s) => this.#toggle(s),
        table: () => (this.core ? JSON.parse(this.#call(() => this.core.table(settings))) : null),
      });
      // Restart the fade (not on the first draw: the chart arrives without motion).
      if (this.points.length) view.fade();
      this.textStale = false;
    }
    // The widget's total height is fixed by the `height` option; the canvas takes what the
    // text around it leaves, so nothing below the widget moves when the chart arrives.
    const total = Number(this.options.height) || DEFAULT_HEIGHT;
    const canvasHeight = Math.max(200, total - view.chromeHeight());
    // One frame: the scene painted and the words of its points, from the same layout, so each
    // point a keyboard or screen reader reaches is the mark drawn under it.
    const out = JSON.parse(this.#call(() => this.core.frame(view.canvas, settings, width, canvasHeight, dpr, false, refresh)));
    view.sizeCanvas(out.width, out.height, out.dpr);
    this.page = out.page;
    view.setPager(out.page, out.pages, out.pageNote);
    if (out.points) {
      this.pointText = out.points;
      view.fillOptions(out.points, out.notes, focusedKey);
    }
    // When the chart needs more room than `height` leaves (a narrow phone, long notes), the
    // widget grows; the reservation follows so later redraws do not jump back and forth.
    this.container.style.minHeight = `${Math.max(total, Math.ceil(view.figure.getBoundingClientRect().height))}px`;
    const s = out.dpr;
    const box = ([x0, y0, x1, y1]) => ({ x: x0 / s, y: y0 / s, w: (x1 - x0) / s, h: (y1 - y0) / s });
    this.points = this.pointText.map((p, i) => ({ ...p, ...box(out.boxes[i]), mark: box(out.marks[i]) }));
    view.placeOptions(this.points);
    // The point that kept focus shows its own tooltip, placed for the new layout (giving focus
    // back to it showed the old frame's).
    const at = view.focusedOption();
    this._hide();
    if (reshow && at >= 0) this._show(at, 'keyboard');
    this.container.dataset.drawn = String(Number(this.container.dataset.drawn || 0) + 1);
  }

  /** The key of the point that has keyboard focus, or null. */
  #focusedKey() {
    const i = this.view.focusedOption();
    return i >= 0 ? this.pointText?.[i]?.key ?? null : null;
  }

  #toggle(series) {
    this.shown[series] = !this.shown[series];
    this.#changed();
  }

  /** At most one draw per frame, and none when nothing that matters changed. */
  #schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.#draw();
    });
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
      if (this.options.theme === 'auto') this.#changed(false);
    };
    this.darkQuery?.addEventListener?.('change', this.onScheme);
    this.pageTheme = new MutationObserver(this.onScheme);
    this.pageTheme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    // A canvas printed at the screen's resolution is blurry on paper. Redrawn now (the browser
    // lays out for print right after this event, without another animation frame), Chromium
    // prints it from its drawing commands, as vectors; other browsers print its bitmap, hence
    // print resolution. Back to the screen's afterwards.
    this.onPrint = (e) => {
      this.printing = e.type === 'beforeprint';
      this.redraw();
    };
    window.addEventListener('beforeprint', this.onPrint);
    window.addEventListener('afterprint', this.onPrint);
  }

  #watchDpr() {
    this.dprQuery = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.dprQuery?.addEventListener?.('change', this.onDpr);
  }

  #disconnect() {
    this.resizeObserver?.disconnect();
    this.dprQuery?.removeEventListener('change', this.onDpr);
    this.darkQuery?.removeEventListener?.('change', this.onScheme);
    this.pageTheme?.disconnect();
    window.removeEventListener('beforeprint', this.onPrint);
    window.removeEventListener('afterprint', this.onPrint);
    this.detach?.();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
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
   * A newsroom's own colours and font, from CSS custom properties on the element or any
   * ancestor: --passrate-region, --passrate-reference, --passrate-previous,
   * --passrate-background, --passrate-text, --passrate-muted, --passrate-grid,
   * --passrate-axis, --passrate-warning, --passrate-font. They apply on top of the theme, on
   * the canvas and around it. Any CSS colour works; an invalid one is reported and ignored.
   */
  #brand() {
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
    if (font && font.length <= 200 && !font.includes(';')) style.font = font;
    this.brandStyle = Object.keys(style).length ? style : undefined;
    return { font, warnings, key: JSON.stringify(style) + warnings.join() };
  }
}

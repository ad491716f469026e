// <passrate-chart view lang theme src height>: the element a page embeds. Its data comes from
// `src` (a .json or .csv URL) or an inline <script type="application/json"> or
// <script type="text/csv"> child; other children (an <img> of the static chart) show until the
// chart draws, and stay if the engine cannot load.

import { el } from './dom.js';
import { DEFAULT_HEIGHT } from './chart.js';
import { hostRoot, mount, showError } from './mount.js';
import { load } from './engine.js';

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
    // The bytes, not text: the engine reads UTF-8, UTF-16 and GB18030 (a CSV from Excel or
    // WPS on Chinese Windows) and refuses anything else rather than draw "������".
    return new Uint8Array(await r.arrayBuffer());
  }
  const script = host.querySelector('script[type="application/json"], script[type="text/csv"]');
  if (!script) throw new Error('data: expected a src attribute or a <script type="application/json"> (or text/csv) child');
  return script.textContent;
}

const Base = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

export class PassrateChartElement extends Base {
  static observedAttributes = ['view', 'lang', 'theme', 'src', 'height', 'highlight'];

  connectedCallback() {
    const height = Number(this.getAttribute('height')) || DEFAULT_HEIGHT;
    // Reserve the height now, before the wasm and the data arrive.
    if (!this.style.minHeight) this.style.minHeight = `${height}px`;
    if (this.chart || this.starting) return;
    // The engine is one file for every chart on the page: start its download now, beside the
    // data's and the page's own, even for a chart that will only start when scrolled near.
    load().catch(() => {});
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
      else if (name === 'highlight') this.chart.setHighlight(value || '');
      else if (name === 'height') { this.chart.options.height = Number(value) || DEFAULT_HEIGHT; this.chart.redraw(); }
      else if (name === 'src') {
        dataOf(this).then((d) => this.chart.update(d)).catch((e) => {
          this.chart?.destroy();
          this.chart = null;
          showError(this, e);
        });
      }
    } catch (e) {
      console.error(e);
    }
  }

  async #start() {
    try {
      const data = await dataOf(this);
      this.chart = await mount(this, data, {
        view: this.getAttribute('view') || 'compare',
        lang: this.getAttribute('lang') || 'zh-CN',
        theme: this.getAttribute('theme') || 'light',
        highlight: this.getAttribute('highlight') || '',
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
        hostRoot(this).replaceChildren(el('slot'));
        console.error(e);
      } else {
        showError(this, e);
      }
      this.dispatchEvent(new CustomEvent('error', { detail: e }));
    }
  }
}

// The page inside the iframe embed (embed.html?src=…&view=…&lang=…&theme=…&highlight=…&height=…):
// one <passrate-chart> set up from the query string, and the document's height posted to the
// parent whenever it changes, so that the host's embed.js can size the iframe. The height is
// the only thing this page sends out.
import { words } from './pkg/passrate-chart.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') || 'zh-CN';
const en = lang.toLowerCase().startsWith('en');
document.documentElement.lang = en ? 'en' : 'zh-CN';

let posted = -1;
/** Posts the document's height (CSS px, rounded up so the iframe never needs a scrollbar). */
function postHeight(always) {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (parent === window || (height === posted && !always)) return;
  posted = height;
  // Any origin may embed the chart, and the message says nothing about the reader or the page.
  parent.postMessage({ type: 'passrate-chart:height', height }, '*');
}
new ResizeObserver(() => postHeight(false)).observe(document.documentElement);

/**
 * The data's URL, or why it cannot be used: relative to this page or on its own server, or
 * https (what the page's connect-src allows). javascript:, data:, file: and the rest are refused.
 */
function dataUrl(src) {
  let url = null;
  try {
    url = src ? new URL(src, location.href) : null;
  } catch {
    // Not a URL at all: refused below like any other.
  }
  if (url && (url.protocol === 'https:' || url.origin === location.origin)) return { url };
  // The reader is told in one sentence, as by the widget; the reason goes to the console.
  const why = src ? `src: expected a relative or https:// URL, got "${String(src).slice(0, 80)}"`
    : 'src: expected the URL of a .json or .csv file in the embed address';
  return { refusal: words(lang).cannotShow, why };
}

/** Marks the page ready, titled as what it shows (WCAG 2.4.2): the chart's title, or the refusal. */
const ready = (title) => {
  if (title) document.title = title;
  document.body.dataset.ready = 'true';
  postHeight(true);
};

const { url, refusal, why } = dataUrl(params.get('src'));
if (refusal) {
  console.warn(`passrate-chart embed: ${why}`);
  const p = document.createElement('p');
  p.className = 'message';
  p.setAttribute('role', 'alert');
  p.textContent = refusal;
  document.body.append(p);
  ready(refusal);
} else {
  const chart = document.createElement('passrate-chart');
  chart.setAttribute('src', url.href);
  chart.setAttribute('lang', en ? 'en' : 'zh-CN');
  for (const name of ['view', 'theme', 'highlight', 'height']) {
    const value = params.get(name);
    if (value) chart.setAttribute(name, value);
  }
  chart.addEventListener('ready', () => ready(chart.chart?.text?.title), { once: true });
  chart.addEventListener('error', () => ready(chart.shadowRoot?.querySelector('[role=alert]')?.textContent), { once: true });
  document.body.append(chart);
}

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

/** Origins a meta tag of this page lists (written by the build), space-separated. */
const listed = (name) => (document.querySelector(`meta[name="${name}"]`)?.content || '').split(/\s+/).filter(Boolean);

/**
 * The data's URL, or why it cannot be used: on this page's own origin, or on an origin the
 * newsroom allowed when it built this page (passrate-data-origins, also in the page's CSP).
 * A link to the newsroom's own embed page must not draw anyone else's data under its name.
 * javascript:, data:, file: and the rest are refused.
 */
function dataUrl(src) {
  let url = null;
  try {
    url = src ? new URL(src, location.href) : null;
  } catch {
    // Not a URL at all: refused below like any other.
  }
  const allowed = listed('passrate-data-origins');
  if (url && (url.origin === location.origin || allowed.includes(url.origin))) return { url };
  // The reader is told in one sentence, as by the widget; the reason and the fix go to the console.
  let why = 'src: expected the URL of a .json or .csv file in the embed address';
  if (url && /^https?:$/.test(url.protocol)) {
    why = `src: data from ${url.origin} is not allowed on this embed page (it takes data from its own origin${allowed.length ? ` and ${allowed.join(', ')}` : ''}); to allow it, build the site with: npm run build -- --data-origin ${url.origin}`;
  } else if (src) {
    why = `src: expected a relative or http(s) URL on an allowed origin, got "${String(src).slice(0, 80)}"`;
  }
  return { refusal: words(lang).cannotShow, why };
}

/**
 * Where a browser tells which pages frame this one (location.ancestorOrigins), whether one
 * is not among the origins the newsroom allowed (passrate-frame-ancestors; the build also
 * sends them as the HTTP header frame-ancestors where the host reads _headers).
 */
function framedElsewhere() {
  const allowed = listed('passrate-frame-ancestors');
  const ancestors = location.ancestorOrigins ? [...location.ancestorOrigins] : [];
  if (!allowed.length || allowed.includes('*')) return null;
  return ancestors.find((o) => o !== location.origin && !allowed.includes(o)) ?? null;
}

/** Marks the page ready, titled as what it shows (WCAG 2.4.2): the chart's title, or the refusal. */
const ready = (title) => {
  if (title) document.title = title;
  document.body.dataset.ready = 'true';
  postHeight(true);
};

const elsewhere = framedElsewhere();
const { url, refusal, why } = elsewhere
  ? { refusal: words(lang).cannotShow, why: `this embed page may not be framed by ${elsewhere} (passrate-frame-ancestors); build with --frame-ancestors to allow it` }
  : dataUrl(params.get('src'));
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

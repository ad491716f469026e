// The playground: edit JSON or CSV, see the chart and any error as you type, and copy an
// embed: the script and the element with the data inline, or an iframe of dist/'s embed.html
// with the data's URL. What the data or the fields hold enters the snippets escaped, and the
// page only through textContent and value.
import { explain, mount, version } from './pkg/passrate-chart.js';

const $ = (id) => document.getElementById(id);
const data = $('data');
const status = $('status');
const snippet = $('snippet');
const iframeSnippet = $('iframe-snippet');
const iframeStatus = $('iframe-status');
const fields = { script: $('script-url'), embed: $('embed-url'), data: $('data-url') };

/** The published package's files through a CDN: what a newsroom without a build step uses. */
const CDN = `https://cdn.jsdelivr.net/npm/passrate-chart@${version}/pkg/passrate-chart.js`;
const IFRAME_HEIGHT = 540;

/** localStorage where the browser allows it (a private window or a policy may not). */
const store = {
  get: (key) => { try { return localStorage.getItem(key); } catch { return null; } },
  set: (key, value) => { try { localStorage.setItem(key, value); } catch { /* not remembered */ } },
};
const remembered = { script: 'passrate-chart:script-url', embed: 'passrate-chart:embed-url' };
fields.script.value = store.get(remembered.script) || CDN;
fields.embed.value = store.get(remembered.embed) || new URL('./embed.html', location.href).href;

/** `text` as HTML text or a quoted attribute value. */
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** A field's value as an absolute http(s) URL (a snippet goes to another page), or null. */
function absolute(field) {
  try {
    const url = new URL(field.value.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // Not a URL: null below.
  }
  return null;
}

function setStatus(text, ok) {
  status.textContent = text;
  status.className = `status ${ok ? 'good' : 'bad'}`;
}

const attrs = () => `view="${escape($('view').value)}" lang="${escape($('lang').value)}" theme="${escape($('theme').value)}"`;

/** The script and the element, with the data inline. */
function elementCode() {
  const script = absolute(fields.script);
  fields.script.setAttribute('aria-invalid', String(!script));
  if (!script) return '<!-- 脚本地址须是以 https:// 开头的完整地址 -->';
  const text = data.value.trim();
  const isJson = text.startsWith('{');
  // "</" or "<!--" inside a <script> would end or confuse it: in JSON, "<" can be written
  // \u003c; CSV has no escape for it, so such a CSV goes by URL (the element's src).
  if (!isJson && /<\/|<!--/.test(text)) return '<!-- 数据中含有 "</" 或 "<!--"，不能写在代码里：请把 CSV 文件放到网上，用 src 属性引用它 -->';
  const body = isJson ? text.replaceAll('<', '\\u003c') : text;
  return `<script type="module" src="${escape(script.href)}"></script>\n<passrate-chart ${attrs()}>\n`
    + `<script type="${isJson ? 'application/json' : 'text/csv'}">\n${body}\n</script>\n</passrate-chart>`;
}

/**
 * The iframe and embed.js, or why not yet. The data's URL follows embed.html's rule: relative
 * to it, on its server, or https.
 */
function iframeCode(title) {
  const embed = absolute(fields.embed);
  fields.embed.setAttribute('aria-invalid', String(!embed));
  fields.data.setAttribute('aria-invalid', 'false');
  if (!embed) return { why: '嵌入页地址须是以 https:// 开头的完整地址。' };
  const src = fields.data.value.trim();
  if (!src) return { why: '填写数据地址后生成：相对于 embed.html 的路径，或 https:// 地址。' };
  let url = null;
  try {
    url = new URL(src, embed);
  } catch {
    // Not a URL: refused below.
  }
  const ok = url && (url.protocol === 'https:' || url.origin === embed.origin);
  fields.data.setAttribute('aria-invalid', String(!ok));
  if (!ok) return { why: '数据地址须是相对于 embed.html 的路径，或 https:// 地址。' };
  const query = new URLSearchParams({
    src, view: $('view').value, lang: $('lang').value, theme: $('theme').value, height: String(IFRAME_HEIGHT),
  });
  const page = new URL(embed.href);
  page.search = query.toString();
  return {
    code: `<iframe data-passrate-chart title="${escape(title)}" width="100%" height="${IFRAME_HEIGHT}" loading="lazy" style="border:0"\n`
      + `  src="${escape(page.href)}"></iframe>\n<script src="${escape(new URL('embed.js', embed).href)}" async></script>`,
  };
}

async function loadSample(url) {
  data.value = await fetch(url).then((r) => r.text());
}

await loadSample('./data/yuncheng-2019.json');
const chart = await mount($('chart'), data.value, { view: 'compare', height: 560 });
setStatus('数据有效。', true);

function snippets() {
  snippet.value = elementCode();
  const { code, why } = iframeCode(chart.text?.title || 'passrate-chart');
  iframeSnippet.value = code || '';
  iframeStatus.textContent = why || '';
  iframeStatus.className = [fields.embed, fields.data].some((f) => f.getAttribute('aria-invalid') === 'true') ? 'note bad' : 'note';
}
snippets();

let timer = 0;
function refresh() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    try {
      chart.update(data.value);
      setStatus('数据有效。', true);
    } catch (e) {
      const why = (await explain(data.value, 'zh-CN')) ?? e.message;
      setStatus(`数据有误（图中仍是上一次的有效数据）：${why}`, false);
    }
    snippets();
  }, 150);
}

data.addEventListener('input', refresh);
for (const b of document.querySelectorAll('[data-sample]')) {
  b.addEventListener('click', async () => {
    await loadSample(b.dataset.sample);
    refresh();
  });
}
$('view').addEventListener('change', (e) => { chart.setView(e.target.value); snippets(); });
$('lang').addEventListener('change', (e) => { chart.setLang(e.target.value); snippets(); });
$('theme').addEventListener('change', (e) => { chart.setTheme(e.target.value); snippets(); });
for (const [name, key] of Object.entries(remembered)) {
  fields[name].addEventListener('input', () => {
    if (absolute(fields[name])) store.set(key, fields[name].value.trim());
    snippets();
  });
}
fields.data.addEventListener('input', snippets);
for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const area = $(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      area.select();
      document.execCommand('copy');
    }
    button.textContent = '已复制';
    setTimeout(() => { button.textContent = '复制'; }, 1500);
  });
}
document.body.dataset.ready = 'true';

// The playground: edit JSON or CSV, see the chart and any error as you type, and copy an
// embed: the script and the element with the data inline, or an iframe of dist/'s embed.html
// with the data's URL. What the data or the fields hold enters the snippets escaped, and the
// page only through textContent and value.
//
// Paste mode (粘贴原文): a report's text → the extractor of the authoring wasm (./authoring/,
// imported only when the mode opens; a reader's page never loads it) → the dataset in the data
// box, and the text again with every number marked as used or not used, with the reason. The
// report's text enters the page only as text nodes inside <mark> elements we create.
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

/**
 * Writes `text` into `node` only when it changes: a live region rewritten with the same words
 * at every pause in typing would be announced again and again.
 */
function say(node, text, className) {
  if (node.textContent !== text) node.textContent = text;
  if (className !== undefined && node.className !== className) node.className = className;
}

function setStatus(text, ok) {
  say(status, text, `status ${ok ? 'good' : 'bad'}`);
}

/** Marks `field` as in error or not, with the message under it (which the field describes). */
function fieldError(field, why) {
  field.setAttribute('aria-invalid', String(Boolean(why)));
  say($(`${field.id}-error`), why || '');
}

const highlightAttr = () => (chart?.options.highlight ? ` highlight="${escape(chart.options.highlight)}"` : '');
const attrs = () => `view="${escape($('view').value)}" lang="${escape($('lang').value)}" theme="${escape($('theme').value)}"${highlightAttr()}`;

/** The script and the element, with the data inline. */
function elementCode() {
  const script = absolute(fields.script);
  fieldError(fields.script, script ? '' : '脚本地址须是以 https:// 开头的完整地址。');
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
  fieldError(fields.embed, embed ? '' : '嵌入页地址须是以 https:// 开头的完整地址。');
  fields.data.setAttribute('aria-invalid', 'false');
  // The data address's status says nothing of the embed page's: that field has its own error.
  if (!embed) return {};
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
    ...(chart?.options.highlight ? { highlight: chart.options.highlight } : {}),
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
  say(iframeStatus, why || '', fields.data.getAttribute('aria-invalid') === 'true' ? 'note bad' : 'note');
}
snippets();

let timer = 0;
/** A view to switch to once the new data is drawn (the cities view for a province's release). */
let wantView = null;
function refresh() {
  offerBreaks();
  clearTimeout(timer);
  timer = setTimeout(async () => {
    try {
      chart.update(data.value);
      if (wantView) {
        try {
          chart.setView(wantView);
        } catch {
          // The data has not what the view needs: the comparison stays.
        }
        wantView = null;
      }
      // New data without the years or the cities a view needs falls back to the comparison.
      $('view').value = chart.options.view;
      setStatus('数据有效。', true);
    } catch (e) {
      const why = (await explain(data.value, 'zh-CN')) ?? e.message;
      setStatus(`数据有误（图中仍是上一次的有效数据）：${why}`, false);
    }
    snippets();
  }, 150);
}

// New text: what was replaced is no longer news (see offerBreaks).
data.addEventListener('input', () => { replaced = false; refresh(); });

/**
 * Line breaks that Word and some web pages put inside a cell (U+000B, Shift+Enter; U+2028 and
 * U+2029, the line and paragraph separators) are refused in every name and text, as any hidden
 * character is. Pasted data that holds them gets an offer, under the status, to replace each
 * with a space: the editor sees it done (the count, then the text) and nothing is stripped
 * without a word.
 */
const BREAKS = /[\u000B\u2028\u2029]/g;
const breaksText = $('breaks-text');
const breaksFix = $('breaks-fix');
let replaced = false;
function offerBreaks() {
  const n = (data.value.match(BREAKS) || []).length;
  breaksFix.hidden = n === 0;
  if (n) replaced = false;
  // What was replaced stays said until new data brings the offer back or another edit.
  if (n || !replaced) say(breaksText, n ? `数据中有 ${n} 个隐藏的换行符（U+000B 或 U+2028/U+2029，常见于从 Word 或网页复制的文字），图表不接受。` : '');
}
breaksFix.addEventListener('click', () => {
  const n = (data.value.match(BREAKS) || []).length;
  data.value = data.value.replace(BREAKS, ' ');
  breaksFix.hidden = true;
  replaced = true;
  say(breaksText, `已把 ${n} 个隐藏的换行符换成空格。`);
  data.focus();
  refresh();
});
for (const b of document.querySelectorAll('[data-sample]')) {
  b.addEventListener('click', async () => {
    await loadSample(b.dataset.sample);
    refresh();
  });
}
$('view').addEventListener('change', (e) => {
  try {
    chart.setView(e.target.value);
  } catch {
    // The data has not what this view needs: say so, and stay on the view drawn.
    const needs = e.target.value === 'trend' ? '历年走势需要三年或以上的数据' : '全省各市需要两个或以上地区的数据';
    setStatus(`${needs}，当前数据不够。`, false);
    e.target.value = chart.options.view;
  }
  snippets();
});
$('highlight').addEventListener('change', (e) => {
  try {
    chart.setHighlight(e.target.value.trim());
    setStatus('数据有效。', true);
  } catch {
    setStatus(`数据中没有“${e.target.value.trim()}”：突出显示须是数据里的地区名（中文或英文）。`, false);
  }
  snippets();
});
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
    say($('copy-status'), `已复制${$(`${button.dataset.copy}-label`)?.textContent ?? ''}。`);
    setTimeout(() => {
      button.textContent = '复制';
      say($('copy-status'), '');
    }, 1500);
  });
}

// ─── Paste mode ───────────────────────────────────────────────────────────────────────────────
const report = $('report');
const reportStatus = $('report-status');
const marked = $('marked');
const ignoredList = $('ignored');
const pasteToggle = $('paste-toggle');
const reportYear = $('report-year');
const reportYearRow = $('report-year-row');
const headlineRow = $('headline-row');
const pasteSection = $('paste');

/** What paste mode writes, in the language chosen for the chart (the extractor's reasons too). */
const PASTE_WORDS = {
  'zh-CN': {
    fields: {
      year: '年份', candidates: '参考人数', passed: '达线人数', rate: '达线率', reference_rate: '全省达线率',
      vs_reference_pp: '与全省之差', vs_previous_year_pp: '与上年之差',
    },
    used: (u, field) => {
      if (u.field === 'year') return `已采用：年份 ${u.year}`;
      if (u.field === 'source_date') return '已采用：数据来源的日期';
      return `已采用：${u.year}年 ${u.tier ? `${u.tier} ` : ''}${field}`;
    },
    ignored: (reason) => `未采用：${reason}`,
    loading: '正在加载提取器…',
    failed: (why) => `提取器出错：${why}`,
    found: (used, ignored) => `采用了 ${used} 个数字，未采用 ${ignored} 个（原因见“未采用的数字及原因”）。提取的数据已填入下面的数据框，可以修改。`,
    kept: (used, ignored) => `采用了 ${used} 个数字，未采用 ${ignored} 个（原因见“未采用的数字及原因”）。`,
    refused: (why) => `没能提取数据：${why}。数据框未改动。`,
    noSource: '原文没有写明发布单位：请在数据框里补上 "source"（发布单位、日期）。',
    needsYear: '原文没有写明年份（只说“今年”“去年”），数字都不知道属于哪一年：请在原文下方填写年份。',
    cities: '原文列出了多个地区，图已切换到“全省各市”。',
    none: '没有未采用的数字。',
  },
  en: {
    fields: {
      year: 'year', candidates: 'candidates', passed: 'passed', rate: 'pass rate', reference_rate: "reference's rate",
      vs_reference_pp: 'difference from the reference', vs_previous_year_pp: 'change on last year',
    },
    used: (u, field) => {
      if (u.field === 'year') return `Used: the year ${u.year}`;
      if (u.field === 'source_date') return "Used: the source's date";
      return `Used: ${u.year} ${u.tier ? `${u.tier} ` : ''}${field}`;
    },
    ignored: (reason) => `Not used: ${reason}`,
    loading: 'Loading the extractor…',
    failed: (why) => `The extractor failed: ${why}`,
    found: (used, ignored) => `${used} numbers used, ${ignored} not used (reasons in the list). The extracted data is in the data box below; edit it there.`,
    kept: (used, ignored) => `${used} numbers used, ${ignored} not used (reasons in the list).`,
    refused: (why) => `No data extracted: ${why}. The data box is unchanged.`,
    noSource: ' The text names no publisher: add "source" (publisher, date) in the data box.',
    needsYear: 'The text never states its year (only "this year", "last year"), so no figure has one: give the year below the text.',
    cities: ' The text lists several areas: the chart shows the cities view.',
    none: 'Every number was used.',
  },
};
const pasteWords = () => PASTE_WORDS[$('lang').value] || PASTE_WORDS['zh-CN'];

function setReportStatus(text, ok) {
  reportStatus.textContent = text;
  reportStatus.className = `status ${ok === undefined ? '' : ok ? 'good' : 'bad'}`;
}

/**
 * The extractor: the authoring wasm-bindgen module, imported and instantiated on first use.
 * After a failure (a trap leaves an instance unusable) the next call imports a fresh copy.
 */
let extractor = null;
let extractorReady = false;
let attempt = 0;
function loadExtractor() {
  if (!extractor) {
    const url = new URL('./authoring/passrate_chart_authoring.js', import.meta.url);
    if (attempt) url.search = `?fresh=${attempt}`;
    extractor = import(url.href).then(async (m) => {
      await m.default({ module_or_path: new URL('./authoring/passrate_chart_authoring_bg.wasm', import.meta.url) });
      extractorReady = true;
      return m;
    });
    extractor.catch(() => dropExtractor());
  }
  return extractor;
}
function dropExtractor() {
  extractor = null;
  extractorReady = false;
  attempt += 1;
}

/**
 * The text of member `key` of the JSON object `json` exactly as written: JSON.parse would turn
 * 16.0 into 16, and the loader takes a number's precision from how it is written. Null when
 * the member is not there.
 */
function rawMember(json, key) {
  let i = 0;
  const space = () => { while (i < json.length && /\s/.test(json[i])) i += 1; };
  const string = () => {
    const start = i;
    for (i += 1; i < json.length && json[i] !== '"'; i += json[i] === '\\' ? 2 : 1);
    i += 1;
    return JSON.parse(json.slice(start, i));
  };
  const value = () => {
    space();
    const start = i;
    if (json[i] === '"') string();
    else if (json[i] === '{' || json[i] === '[') {
      let depth = 0;
      do {
        const c = json[i];
        if (c === '"') { string(); continue; }
        if (c === '{' || c === '[') depth += 1;
        else if (c === '}' || c === ']') depth -= 1;
        i += 1;
      } while (depth > 0 && i < json.length);
    } else while (i < json.length && !/[\s,}\]]/.test(json[i])) i += 1;
    return json.slice(start, i);
  };
  space();
  if (json[i] !== '{') return null;
  i += 1;
  for (;;) {
    space();
    if (json[i] !== '"') return null;
    const name = string();
    space();
    if (json[i] !== ':') return null;
    i += 1;
    const text = value();
    if (name === key) return text;
    space();
    if (json[i] !== ',') return null;
    i += 1;
  }
}

/**
 * The numbers to mark in `text`: the extractor's used and ignored spans (UTF-16 offsets, as
 * JavaScript indexes strings) in order, without overlaps; ignored ones carry their number in
 * the list of reasons.
 */
function marks(text, result, w, ignored) {
  const fits = (s, e) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= text.length;
  const all = [];
  for (const u of result.used) {
    if (fits(u.number_start, u.number_end)) {
      all.push({ start: u.number_start, end: u.number_end, kind: 'used', title: w.used(u, w.fields[u.field] || u.field) });
    }
  }
  ignored.forEach((g, n) => {
    if (fits(g.start, g.end)) all.push({ start: g.start, end: g.end, kind: 'ignored', title: w.ignored(g.reason), n: n + 1 });
  });
  all.sort((a, b) => a.start - b.start || a.end - b.end || (a.kind === 'used' ? -1 : 1));
  const kept = [];
  for (const m of all) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      // The same number taken twice (a year for two clauses): one mark, both meanings.
      if (m.start === last.start && m.end === last.end && m.kind === last.kind && !last.title.includes(m.title)) last.title += `\n${m.title}`;
      continue;
    }
    kept.push(m);
  }
  return kept;
}

/** `text` split at the code points, never inside a surrogate pair. */
const clip = (text, start, end) => {
  const low = (i) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]);
  while (low(start)) start -= 1;
  while (low(end)) end += 1;
  return [start, end];
};

/** The sentence around an ignored number, shortened to about 20 characters each side. */
function context(text, g) {
  const from = Number.isInteger(g.sentence_start) ? Math.max(0, g.sentence_start) : g.start;
  const to = Number.isInteger(g.sentence_end) ? Math.min(text.length, g.sentence_end) : g.end;
  const [s, e] = clip(text, Math.max(from, g.start - 20), Math.min(to, g.end + 20));
  return `${s > from ? '…' : ''}${text.slice(s, e).replace(/\s+/g, ' ').trim()}${e < to ? '…' : ''}`;
}

/** Shows the text with its numbers marked, and the list of those not used with their reasons. */
function showMarks(text, result) {
  const w = pasteWords();
  const ignored = [...result.ignored].sort((a, b) => a.start - b.start);
  const list = marks(text, result, w, ignored);
  const doc = document.createDocumentFragment();
  let at = 0;
  for (const m of list) {
    if (m.start > at) doc.append(document.createTextNode(text.slice(at, m.start)));
    const mark = document.createElement('mark');
    mark.className = m.kind;
    mark.title = m.title;
    if (m.n) mark.dataset.n = String(m.n);
    mark.textContent = text.slice(m.start, m.end);
    doc.append(mark);
    at = m.end;
  }
  if (at < text.length) doc.append(document.createTextNode(text.slice(at)));
  marked.replaceChildren(doc);

  const items = ignored.map((g) => {
    const li = document.createElement('li');
    const num = document.createElement('span');
    num.className = 'num';
    num.textContent = text.slice(g.start, g.end);
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = g.reason;
    li.append(num, reason);
    const around = context(text, g);
    // A number that is its whole sentence (a dateline) needs no context.
    if (around !== num.textContent.trim()) {
      const where = document.createElement('span');
      where.className = 'ctx';
      where.textContent = around;
      li.append(where);
    }
    return li;
  });
  if (!items.length) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = w.none;
    items.push(li);
  }
  ignoredList.replaceChildren(...items);
  return { used: list.filter((m) => m.kind === 'used').length, ignored: ignored.length };
}

/** The last extraction's text, so that a change of language redoes the marks, not the data. */
let extracted = null;
let run = 0;

/**
 * Runs the extractor on the pasted text. `fill`: put its dataset in the data box (when the
 * text changed), or only mark the text again (when the language changed: the reasons are
 * written in it, the dataset is not).
 */
async function extractNow(fill) {
  const text = report.value;
  const mine = ++run;
  const w = pasteWords();
  if (!text.trim()) {
    marked.replaceChildren();
    ignoredList.replaceChildren();
    setReportStatus('');
    extracted = null;
    return;
  }
  let out;
  try {
    if (!extractorReady) setReportStatus(w.loading);
    const m = await loadExtractor();
    if (mine !== run) return;
    const year = Number.parseInt(reportYear.value, 10);
    const given = Number.isInteger(year) && year >= 1950 && year <= 2100 ? year : 0;
    out = m.extract_in_year ? m.extract_in_year(text, $('lang').value, given) : m.extract(text, $('lang').value);
  } catch (e) {
    if (mine === run) setReportStatus(w.failed(e.message || String(e)), false);
    dropExtractor();
    return;
  }
  const result = JSON.parse(out);
  extracted = text;
  const counts = showMarks(text, result);
  // A text that never states its year: the year is asked for beside it, nothing is dated by guess.
  const asked = result.needs_year || (reportYear.value !== '' && !reportYearRow.hidden);
  reportYearRow.hidden = !asked;
  showHeadline(result.headline);
  if (result.needs_year) {
    setReportStatus(w.needsYear, false);
    return;
  }
  if (!result.dataset) {
    setReportStatus(w.refused(result.error), false);
    return;
  }
  if (!fill) {
    setReportStatus(w.kept(counts.used, counts.ignored), true);
    return;
  }
  let dataset = rawMember(out, 'dataset');
  // The exact text when it is there; the parsed object (numbers as JavaScript has them) if not.
  if (!dataset || JSON.stringify(JSON.parse(dataset)) !== JSON.stringify(result.dataset)) dataset = JSON.stringify(result.dataset, null, 2);
  data.value = dataset;
  // A province-wide release: every area, in the cities view.
  const several = Array.isArray(result.dataset.regions) && result.dataset.regions.length > 1;
  if (several) wantView = 'cities';
  refresh();
  setReportStatus(`${w.found(counts.used, counts.ignored)}${result.dataset.source ? '' : w.noSource}${several ? w.cities : ''}`, true);
}

/** The release's headline, offered as the chart's title instead of the neutral one. */
function showHeadline(headline) {
  headlineRow.hidden = !headline;
  $('headline-text').textContent = headline || '';
}
$('use-headline').addEventListener('click', () => {
  const headline = $('headline-text').textContent;
  if (!headline) return;
  // The title member only, in place: the rest keeps its numbers exactly as written.
  data.value = data.value.replace(/"title":\s*("(?:[^"\\]|\\.)*"|\{[^}]*\})/, `"title": ${JSON.stringify(headline)}`);
  refresh();
});
reportYear.addEventListener('input', () => {
  clearTimeout(reportTimer);
  reportTimer = setTimeout(() => extractNow(true), 250);
});

let reportTimer = 0;
report.addEventListener('input', () => {
  clearTimeout(reportTimer);
  reportTimer = setTimeout(() => extractNow(true), 250);
});
for (const b of document.querySelectorAll('[data-report-sample]')) {
  b.addEventListener('click', async () => {
    report.value = await fetch(b.dataset.reportSample).then((r) => r.text());
    clearTimeout(reportTimer);
    await extractNow(true);
  });
}
$('lang').addEventListener('change', () => {
  if (extracted !== null && extracted === report.value) extractNow(false);
});

function setPaste(open) {
  pasteSection.hidden = !open;
  pasteToggle.setAttribute('aria-expanded', String(open));
  history.replaceState(null, '', open ? '#paste' : location.pathname + location.search);
  if (open) {
    // The extractor starts loading now, while the editor pastes.
    loadExtractor().catch(() => {});
    report.focus();
  }
}
pasteToggle.addEventListener('click', () => setPaste(pasteSection.hidden));
if (location.hash === '#paste') setPaste(true);

document.body.dataset.ready = 'true';

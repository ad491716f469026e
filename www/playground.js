// The playground: edit JSON or CSV, see the chart and any error as you type, copy an embed.
import { explain, mount } from './pkg/passrate-chart.js';

const $ = (id) => document.getElementById(id);
const data = $('data');
const status = $('status');
const snippet = $('snippet');
const scriptUrl = new URL('./pkg/passrate-chart.js', location.href).href;

function setStatus(text, ok) {
  status.textContent = text;
  status.className = `status ${ok ? 'good' : 'bad'}`;
}

function embedCode() {
  const text = data.value.trim();
  const isJson = text.startsWith('{');
  const attrs = `view="${$('view').value}" lang="${$('lang').value}" theme="${$('theme').value}"`;
  // "</" inside a <script> would end it early; in JSON "<\/" means the same characters.
  const body = isJson ? text.replaceAll('</', '<\\/') : text;
  const note = !isJson && text.includes('</') ? '<!-- 数据中含有 "</"，请改用 src 属性引用 CSV 文件 -->\n' : '';
  return `${note}<script type="module" src="${scriptUrl}"></script>\n<passrate-chart ${attrs}>\n<script type="${isJson ? 'application/json' : 'text/csv'}">\n${body}\n</script>\n</passrate-chart>`;
}

async function loadSample(url) {
  data.value = await fetch(url).then((r) => r.text());
}

await loadSample('./data/yuncheng-2019.json');
const chart = await mount($('chart'), data.value, { view: 'compare', height: 560 });
setStatus('数据有效。', true);
snippet.value = embedCode();

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
    snippet.value = embedCode();
  }, 150);
}

data.addEventListener('input', refresh);
for (const b of document.querySelectorAll('[data-sample]')) {
  b.addEventListener('click', async () => {
    await loadSample(b.dataset.sample);
    refresh();
  });
}
$('view').addEventListener('change', (e) => { chart.setView(e.target.value); snippet.value = embedCode(); });
$('lang').addEventListener('change', (e) => { chart.setLang(e.target.value); snippet.value = embedCode(); });
$('theme').addEventListener('change', (e) => { chart.setTheme(e.target.value); snippet.value = embedCode(); });
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
  } catch {
    snippet.select();
    document.execCommand('copy');
  }
  $('copy').textContent = '已复制';
  setTimeout(() => { $('copy').textContent = '复制'; }, 1500);
});
document.body.dataset.ready = 'true';

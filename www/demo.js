// The page's theme and language switches (the charts follow them live), and a ready flag for
// tests and screenshots once every chart on the page has drawn or failed.
const themeButton = document.getElementById('theme-toggle');
themeButton?.addEventListener('click', () => {
  const dark = document.documentElement.dataset.theme !== 'dark';
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  themeButton.setAttribute('aria-pressed', String(dark));
});
const langButton = document.getElementById('lang-toggle');
langButton?.addEventListener('click', () => {
  const en = langButton.textContent === 'English';
  for (const chart of document.querySelectorAll('passrate-chart')) chart.setAttribute('lang', en ? 'en' : 'zh-CN');
  langButton.textContent = en ? '中文' : 'English';
  langButton.setAttribute('lang', en ? 'zh-CN' : 'en');
});

const charts = [...document.querySelectorAll('passrate-chart')];
await Promise.all(charts.map((c) => new Promise((resolve) => {
  if (c.chart) return resolve();
  c.addEventListener('ready', resolve, { once: true });
  c.addEventListener('error', resolve, { once: true });
})));
document.body.dataset.ready = 'true';

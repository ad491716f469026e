// Marks the page ready for tests and screenshots once every chart on it has drawn or failed.
const charts = [...document.querySelectorAll('passrate-chart')];
await Promise.all(charts.map((c) => new Promise((resolve) => {
  if (c.chart) return resolve();
  c.addEventListener('ready', resolve, { once: true });
  c.addEventListener('error', resolve, { once: true });
})));
document.body.dataset.ready = 'true';

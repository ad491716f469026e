// For the test pages: loads the widget, waits until every <passrate-chart> on the page has
// drawn or failed (recording which in data-event), then marks the page ready.
import '/pkg/passrate-chart.js';

const hosts = [...document.querySelectorAll('passrate-chart')];
await Promise.all(hosts.map((c) => new Promise((resolve) => {
  if (c.chart) return resolve();
  c.addEventListener('ready', () => { c.dataset.event = 'ready'; resolve(); }, { once: true });
  c.addEventListener('error', () => { c.dataset.event = 'error'; resolve(); }, { once: true });
})));
document.body.dataset.ready = 'true';

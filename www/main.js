// The demo: draws every <figure data-view> with the chart for its data, redraws when its
// width or the device pixel ratio changes (at most once a frame), and lists the
// footnotes in the page. Text from data goes in with textContent only.
import init, { Chart } from './pkg/passrate_chart.js';

const HEIGHT = 420;

async function show(figure) {
  const canvas = figure.querySelector('canvas');
  const data = await fetch(figure.dataset.src).then((r) => {
    if (!r.ok) throw new Error(`${figure.dataset.src}: HTTP ${r.status}`);
    return r.text();
  });
  const chart = new Chart(data);
  chart.setView(figure.dataset.view);
  let drawn = { width: 0, dpr: 0 };
  let frame = 0;
  const draw = () => {
    frame = 0;
    const width = Math.round(figure.clientWidth);
    const dpr = window.devicePixelRatio || 1;
    if (width === drawn.width && dpr === drawn.dpr) return; // our own height change: no loop
    drawn = { width, dpr };
    chart.draw(canvas, width, HEIGHT, dpr);
    canvas.style.minHeight = '0';
  };
  draw();
  new ResizeObserver(() => { frame ||= requestAnimationFrame(draw); }).observe(figure);
  matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => {
    frame ||= requestAnimationFrame(draw);
  });
  return chart;
}

function fail(figure, err) {
  const box = document.createElement('div');
  box.className = 'error';
  box.setAttribute('role', 'alert');
  box.textContent = `图表无法显示：${err.message || err}`;
  figure.replaceChildren(box);
  console.error(err);
}

await init();
await document.fonts.ready;
const figures = [...document.querySelectorAll('figure[data-view]')];
const charts = await Promise.all(figures.map((f) => show(f).catch((e) => fail(f, e))));
const notes = document.querySelector('.footnotes');
const first = charts.find(Boolean);
if (notes && first) {
  for (const text of first.footnotes()) {
    const li = document.createElement('li');
    li.textContent = text;
    notes.append(li);
  }
}
document.body.dataset.ready = 'true';

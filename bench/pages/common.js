// Shared by the three benchmark pages: the data, and the timing helpers.
// Every timing forces the raster with getImageData(0,0,1,1) on each canvas of the chart.

export const params = new URLSearchParams(location.search);
export const N = Number(params.get('n') || 2);
/** The province's rates as the seed gives them: derived from the stated differences (hatched). */
export const DERIVED = params.get('derived') === '1';

/** Seeded random rates, so every contender draws the same numbers. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function series(n) {
  if (n === 2) {
    return { tiers: ['一本线', '二本线'], region: [15.5, 48.6], reference: [14.8, 45.2], previous: [15.1, 46.9] };
  }
  const r = rng(42);
  const one = () => Math.round((5 + r() * 50) * 10) / 10;
  const tiers = Array.from({ length: n }, (_, i) => `T${i + 1}`);
  const region = tiers.map(one);
  const reference = tiers.map(one);
  const previous = tiers.map(one);
  return { tiers, region, reference, previous };
}

/**
 * The same figures as a passrate-chart dataset: rate, reference rate (or, `derived`, the
 * difference to it, from which the chart derives the rate and hatches its bar), and the
 * previous-year change.
 */
export function dataset(n, bump = 0, derived = DERIVED) {
  const s = series(n);
  const d = (a, b) => Math.round((a - b) * 10) / 10;
  return {
    title: '运城市2019年高考本科达线情况', region: '运城市', reference: '山西省',
    source: { name: '运城新闻网', date: '2019-08-14' },
    years: [{
      year: 2019,
      tiers: s.tiers.map((tier, i) => ({
        tier,
        rate: Math.round((s.region[i] + bump) * 10) / 10,
        ...(derived
          ? { vs_reference_pp: d(s.region[i] + bump, s.reference[i]) }
          : { reference_rate: s.reference[i] }),
        vs_previous_year_pp: d(s.region[i] + bump, s.previous[i]),
      })),
    }],
  };
}

export function raster(canvases) {
  for (const c of canvases) c.getContext('2d').getImageData(0, 0, 1, 1);
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Publishes results for the runner. */
export function done(result) {
  window.__bench = result;
}

/** Chart.js's data for `s` (see series), the region's rates raised by `bump`. */
export function chartjsData(s, bump = 0) {
  return {
    labels: s.tiers,
    datasets: [
      { label: '运城市 2019', data: s.region.map((v) => Math.round((v + bump) * 10) / 10), backgroundColor: '#d9480f' },
      { label: '全省 2019', data: s.reference, backgroundColor: '#2563c2' },
      { label: '运城市 2018', data: s.previous, backgroundColor: '#78808a' },
    ],
  };
}

/**
 * Chart.js's bar chart of `data`: value labels drawn by a small inline plugin (Chart.js has
 * none built in) up to 30 categories, as passrate-chart draws them; no animation.
 */
export function chartjsConfig(data) {
  const valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      if (chart.data.labels.length > 30) return;
      const { ctx } = chart;
      ctx.save();
      ctx.font = '12px sans-serif';
      ctx.textAlign = 'center';
      ctx.fillStyle = '#1f2328';
      chart.data.datasets.forEach((d, i) => chart.getDatasetMeta(i).data.forEach((bar, j) => ctx.fillText(`${d.data[j]}%`, bar.x, bar.y - 4)));
      ctx.restore();
    },
  };
  return {
    type: 'bar',
    data,
    plugins: [valueLabels],
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, devicePixelRatio: window.devicePixelRatio,
      scales: { y: { min: 0, max: 60, ticks: { callback: (v) => `${v}%` } } },
      plugins: { legend: { display: true }, tooltip: { enabled: true } },
    },
  };
}

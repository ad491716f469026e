// passrate-chart: the embeddable widget and its JS API.
//
//   <script type="module" src=".../passrate-chart.js"></script>
//   <passrate-chart view="compare" lang="zh-CN" theme="auto">
//     <script type="application/json">{ ...dataset... }</script>
//     <img src="chart.svg" alt="…">   <!-- optional: shown until the chart draws, or if it cannot -->
//   </passrate-chart>
//
//   import { mount } from 'passrate-chart';
//   const chart = await mount(element, data, { view: 'change', lang: 'en' });
//
// The modules: engine.js (load, restart), chart.js (settings and frames), view.js (the DOM
// around the canvas), input.js (pointer and keyboard), element.js (<passrate-chart>),
// mount.js (mount, explain, the error box), styles.js, words.js. The build bundles them with
// the wasm-bindgen glue into one file. Importing it touches no browser global, so
// server-side rendering can import it.

import { PassrateChartElement } from './element.js';

export { Chart } from './chart.js';
export { explain, mount } from './mount.js';
export { words } from './words.js';
export { PassrateChartElement };
/** The package's version (package.json's, written in by scripts/build.mjs). */
export const version = PASSRATE_CHART_VERSION;

if (typeof customElements !== 'undefined' && !customElements.get('passrate-chart')) {
  customElements.define('passrate-chart', PassrateChartElement);
}

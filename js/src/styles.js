// The widget's styles, adopted by each chart's shadow root as one constructed sheet (allowed
// under a strict style-src CSP), or a <style> element where constructed sheets are missing.

import { el } from './dom.js';

// Reflow (WCAG 1.4.10): neither the canvas nor the open table sets the page's minimum width.
// A percentage max-width makes the canvas's min-content contribution zero, and the table's
// scroller is `width: 0; min-width: 100%`, so a grid or flex item holding the chart (which
// news pages seldom give `min-width: 0`) shrinks with the page, and the ResizeObserver draws
// the canvas anew at the narrower width.
export const CSS = [
  // Font sizes are max(design px, the same in rem): a reader's larger default font size enlarges
  // the text around the chart (WCAG 1.4.4), and a host page's small root font never shrinks it.
  `:host { display: block; contain: layout; min-width: 0; }
.prc { margin: 0; font-family: "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
  color: var(--prc-text); background: var(--prc-bg); padding: 12px; border-radius: 4px; position: relative; }
.prc *, .prc *::before { box-sizing: border-box; }
.title { font-size: max(18px, 1.125rem); font-weight: 700; line-height: 1.35; margin: 0; }
.subtitle { font-size: max(13px, 0.8125rem); color: var(--prc-muted); margin: 2px 0 8px; }
.bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; margin-bottom: 4px; }
.tabs { display: inline-flex; flex-wrap: wrap; border: 1px solid var(--prc-grid); border-radius: 6px; padding: 0; }
.tabs button { flex: none; font: inherit; font-size: max(13px, 0.8125rem); min-height: 32px; min-width: 44px; padding: 4px 12px; border: 0;
  background: transparent; color: var(--prc-text); cursor: pointer; position: relative; }
.tabs button:first-child { border-radius: 5px 0 0 5px; }
.tabs button:last-child { border-radius: 0 5px 5px 0; }
.tabs button[aria-selected="true"] { background: var(--prc-text); color: var(--prc-bg); }
`,
  // A ring outside the control, in the text colour on the page's background: visible on the
  // selected tab's dark fill and on the page alike (WCAG 2.4.7, 1.4.11).
  `button:focus-visible, .option:focus-visible, .table-wrap:focus-visible { outline: 2px solid var(--prc-text); outline-offset: 2px; z-index: 3; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: max(12px, 0.75rem); }
.legend button, .legend .item { display: inline-flex; align-items: center; gap: 6px; min-height: 28px; min-width: 24px;
  padding: 3px 7px; font: inherit; font-size: max(12px, 0.75rem); color: var(--prc-text); background: transparent; border: 0; border-radius: 4px; }
.legend button { cursor: pointer; padding: 2px 6px; border: 1px solid var(--prc-grid); }
.legend button[aria-pressed="false"] { color: var(--prc-muted); text-decoration: line-through; }
.legend button[aria-pressed="false"] .sw { opacity: .25; }
`,
  // Swatches are pictures of the marks: they keep their colours in forced-colours mode, framed
  // in the chart's background as on the canvas (a forced page colour may be close to theirs).
  `.sw { width: 14px; height: 14px; flex: none; display: inline-block; background: var(--c); forced-color-adjust: none;
  box-shadow: 0 0 0 2px var(--prc-bg); }
.sw.hatched { background: repeating-linear-gradient(135deg, var(--c) 0 1.5px, transparent 1.5px 5px); border: 1.5px solid var(--c); }
.sw.dot { border-radius: 50%; width: 11px; height: 11px; }
.sw.hollow { border-radius: 50%; width: 11px; height: 11px; border: 2px solid var(--c); background: transparent; }
.sw.tick { width: 3px; }
.sw.dashed { height: 2px; background: repeating-linear-gradient(90deg, var(--c) 0 4px, transparent 4px 7px); }
.sw.line { width: 18px; height: 3px; }
.sw.dashedline { width: 18px; height: 3px; background: repeating-linear-gradient(90deg, var(--c) 0 4px, transparent 4px 7px); }
.stage { position: relative; touch-action: manipulation; }
canvas { display: block; max-width: 100%; }
`,
  // One option per data point, over its mark: transparent, its text for screen readers only,
  // pushed out of its box (forced colours would paint 1-px text as specks).
  // Their own layout root, the stage's size: the tooltip changing does not lay out hundreds of them.
  // Above the tooltip, so a focused point's ring is never under it; the pointer goes through
  // them to the tooltip and the stage (the stage hit-tests the pointer itself).
  `.options { position: absolute; inset: 0; contain: size layout style; z-index: 3; pointer-events: none; }
.option { position: absolute; left: 0; top: 0; overflow: hidden; color: transparent; white-space: nowrap;
  font-size: 1px; text-indent: 200%; border-radius: 3px; outline-offset: 1px; }
.option:focus-visible { outline-width: 3px; box-shadow: 0 0 0 5px var(--prc-bg); }
@media (forced-colors: active) {
  .tabs button[aria-selected="true"] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
  .option:focus-visible { outline-color: Highlight; }
}
`,
  // A short fade when the view, the data, the toggles or the language change; the tooltip and
  // keyboard focus never wait for it. None for readers who ask for reduced motion.
  `canvas.enter { animation: prc-enter 240ms ease-out; }
@keyframes prc-enter { from { opacity: 0.2; } to { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { canvas.enter { animation: none; } }
.hover { position: absolute; left: 0; top: 0; pointer-events: none; border: 2px solid var(--prc-text);
  box-shadow: 0 0 0 2px var(--prc-bg); border-radius: 3px; }
`,
  // The tooltip takes the pointer, so a reader can move onto it and select its text (WCAG 1.4.13).
  // Its transparent border is its edge in forced colours, where the shadow is dropped.
  `.tip { position: absolute; left: 0; top: 0; z-index: 2; max-width: min(300px, 90%);
  background: var(--prc-text); color: var(--prc-bg); font-size: max(13px, 0.8125rem); line-height: 1.45; padding: 8px 10px;
  border: 1px solid transparent; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.tip[hidden], .hover[hidden], .table-wrap[hidden] { display: none; }
.tip .h { font-weight: 700; }
.tip .v { font-size: max(18px, 1.125rem); font-weight: 700; }
.tip .l { opacity: .92; }
.tip.compact .fn { display: none; }
.notes { list-style: none; margin: 6px 0 0; padding: 0; font-size: max(12px, 0.75rem); color: var(--prc-warning); }
.pager { display: flex; align-items: center; gap: 8px; margin-top: 4px; flex-wrap: wrap; }
.pager[hidden] { display: none; }
.pager button { font: inherit; font-size: max(13px, 0.8125rem); min-height: 28px; padding: 2px 10px; cursor: pointer;
  color: var(--prc-text); background: transparent; border: 1px solid var(--prc-grid); border-radius: 4px; }
.pager button:disabled { cursor: default; opacity: 0.6; }
.page-status { font-size: max(12px, 0.75rem); color: var(--prc-muted); flex: 1 1 12em; }
.source { font-size: max(12px, 0.75rem); color: var(--prc-muted); margin: 4px 0 0; }
.actions { margin-top: 6px; display: flex; gap: 8px; flex-wrap: wrap; }
.actions button { font: inherit; font-size: max(13px, 0.8125rem); min-height: 28px; padding: 2px 10px; cursor: pointer;
  color: var(--prc-text); background: transparent; border: 1px solid var(--prc-grid); border-radius: 4px; }
.table-wrap { overflow-x: auto; margin-top: 8px; width: 0; min-width: 100%; }
table { border-collapse: collapse; font-size: max(13px, 0.8125rem); min-width: 100%; }
caption { text-align: left; font-size: max(13px, 0.8125rem); color: var(--prc-muted); padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--prc-grid); padding: 4px 8px; text-align: right; white-space: nowrap; }
th[scope="row"], thead th:first-child { text-align: left; }
.how { margin: 6px 0 0; padding-left: 18px; font-size: max(12px, 0.75rem); color: var(--prc-muted); }
.badge { font-size: max(11px, 0.6875rem); color: var(--prc-muted); border: 1px solid var(--prc-grid); border-radius: 3px; padding: 0 3px; margin-left: 4px; }
.mark { color: var(--prc-warning); margin-left: 2px; }
.quote { display: block; font-size: max(11px, 0.6875rem); color: var(--prc-muted); quotes: "“" "”"; white-space: normal; min-width: 8em; max-width: 16em; margin-left: auto; text-align: right; }
.source a { color: inherit; }
.sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
`,
  // On paper: a chart is never split across pages; its backgrounds (swatches, hatching, a dark
  // theme) print as on screen, not dropped by the browser's ink saving; controls a reader cannot
  // use on paper are left out (the legend stays, as a legend), and so is the height reserved
  // against layout shifts. The canvas is redrawn at print resolution by chart.js and scales
  // down if the page is narrower than the screen was.
  `@media print {
  :host { break-inside: avoid; min-height: 0 !important; }
  .prc { break-inside: avoid; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .tabs, .actions, .tip, .hover, .options { display: none; }
  .legend button { border-color: transparent; }
  canvas { max-width: 100%; height: auto !important; animation: none; }
}
.error { border: 2px solid #b42318; color: #b42318; background: #fff5f4; padding: 12px; font-size: max(14px, 0.875rem); white-space: pre-wrap; }
`,
].join('');

let sheet = null;

/** The nodes that style `root`: none when the shared constructed sheet was adopted. */
export function adopt(root) {
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ||= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    return [];
  }
  return [el('style', {}, CSS)];
}

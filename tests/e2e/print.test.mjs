// Printing the demo page (Chromium, A4): the PDF from page.pdf(), read with poppler-utils
// (pdftoppm rasterises it, pdftotext and pdfimages read what it holds). No chart is split
// across pages, the bars, hatching and legend swatches print, the view tabs and the
// table/PNG buttons do not, and the canvas prints sharp. Saves target/screenshots/print-page-1.png
// (with the test's magenta and green lines at each chart's top and bottom).
//
//   node --test --test-concurrency=1 tests/e2e/print.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PALETTE, ROOT, startServer } from './helpers.mjs';

const OUT = join(ROOT, 'target', 'screenshots');
const POPPLER = '/usr/bin/pdftoppm';
const { region, reference } = PALETTE.light;

// Test-only borders that mark each chart's top and bottom in the raster (borders print like
// any other; the widget's own rules decide where the pages break).
const MARKERS = 'passrate-chart { border-top: 4px solid #ff00ff; border-bottom: 4px solid #00ff00; }';
const TOP = [255, 0, 255];
const BOTTOM = [0, 255, 0];

/** A PPM (P6) file as { width, height, at(x, y) → [r, g, b] }. */
function readPpm(file) {
  const buf = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  const [, w, h] = header.map(Number);
  const data = buf.subarray(header[0].length);
  return { width: w, height: h, at: (x, y) => { const i = (y * w + x) * 3; return [data[i], data[i + 1], data[i + 2]]; } };
}

const near = (px, rgb, tol) => px.every((v, k) => Math.abs(v - rgb[k]) <= tol);

/** Pixels within `tol` of `rgb` in the box [x0, x1) × [y0, y1) of `img`. */
function count(img, rgb, { x0 = 0, x1 = img.width, y0 = 0, y1 = img.height, tol = 12 } = {}) {
  let n = 0;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, x1); x++) if (near(img.at(x, y), rgb, tol)) n++;
  }
  return n;
}

/** The marker lines of one colour in `img`: [{ y, x0, x1 }] (y: the line's first row). */
function markerLines(img, rgb) {
  const lines = [];
  for (let y = 0; y < img.height; y++) {
    let x0 = -1;
    let x1 = -1;
    for (let x = 0; x < img.width; x++) {
      if (near(img.at(x, y), rgb, 40)) {
        if (x0 < 0) x0 = x;
        x1 = x + 1;
      }
    }
    if (x1 - x0 < 300) continue;
    const last = lines.at(-1);
    if (last && y - last.end <= 1) last.end = y;
    else lines.push({ y, end: y, x0, x1 });
  }
  return lines;
}

/**
 * Each chart as printed, from its markers in order: the page it starts on (`top`) and ends on
 * (`bottom`), that page's raster and the band between the markers.
 */
function chartsOnPages(pages) {
  const marks = pages.flatMap((img, p) => [
    ...markerLines(img, TOP).map((m) => ({ ...m, p, kind: 'top' })),
    ...markerLines(img, BOTTOM).map((m) => ({ ...m, p, kind: 'bottom' })),
  ].sort((a, b) => a.y - b.y));
  const charts = [];
  for (let i = 0; i + 1 < marks.length; i += 2) {
    const [top, bottom] = [marks[i], marks[i + 1]];
    charts.push({ top, bottom, img: pages[top.p], band: { x0: top.x0, x1: top.x1, y0: top.end + 1, y1: bottom.y } });
  }
  return { order: marks.map((m) => `${m.kind} p${m.p + 1}`), charts };
}

const printed = {};

before(async () => {
  if (!existsSync(POPPLER)) throw new Error(`${POPPLER} not found: apt-get install -y poppler-utils (scripts/test.mjs and .ci/run do)`);
  printed.site = await startServer(join(ROOT, 'www'));
  const { ctx, page, errors } = await printed.site.open(undefined, '/', { viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
  printed.ctx = ctx;
  printed.errors = errors;
  await page.addStyleTag({ content: MARKERS });
  // The canvases as the printer gets them (these listeners run after the charts' own) and as
  // they are once printing is over.
  await page.evaluate(() => {
    const sizes = () => [...document.querySelectorAll('passrate-chart')].map((h) => {
      const c = h.shadowRoot.querySelector('canvas');
      return { width: c.width, height: c.height, cssWidth: parseFloat(c.style.width), cssHeight: parseFloat(c.style.height) };
    });
    window.addEventListener('beforeprint', () => {
      window.duringPrint = sizes();
      // The compare view's bars as printed (CSS px in its canvas; at print resolution the
      // layout may put them a fraction of a pixel from the screen's).
      window.bars = document.querySelector('passrate-chart').chart.points
        .filter((p) => p.series === 'region' || p.series === 'reference').map((p) => ({ series: p.series, ...p.mark }));
    });
    window.addEventListener('afterprint', () => { window.afterPrint = sizes(); });
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const dir = mkdtempSync(join(tmpdir(), 'passrate-print-'));
  const pdf = join(dir, 'demo.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  Object.assign(printed, await page.evaluate(() => ({ during: window.duringPrint, after: window.afterPrint, bars: window.bars })));

  execFileSync(POPPLER, ['-r', '96', pdf, join(dir, 'page')]);
  printed.pages = readdirSync(dir).filter((f) => f.endsWith('.ppm')).sort().map((f) => readPpm(join(dir, f)));
  Object.assign(printed, chartsOnPages(printed.pages));
  mkdirSync(OUT, { recursive: true });
  execFileSync(POPPLER, ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'print-page-1')]);
  printed.text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f');
  printed.images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)
    .map((line) => line.trim().split(/\s+/)).map((c) => ({ page: Number(c[0]), width: Number(c[3]), xppi: Number(c[12]), yppi: Number(c[13]) }));

  // The widget under print media: what is shown, and where each legend sits in its chart.
  await page.emulateMedia({ media: 'print' });
  printed.layout = await page.$$eval('passrate-chart', (hosts) => hosts.map((h) => {
    const root = h.shadowRoot;
    const host = h.getBoundingClientRect();
    const text = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent).join('\n');
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { x0: r.left - host.left, x1: r.right - host.left, y0: r.top - host.top, y1: r.bottom - host.top };
    };
    const shown = (sel) => [...root.querySelectorAll(sel)].map((e) => getComputedStyle(e).display);
    return {
      title: root.querySelector('.title').textContent,
      source: root.querySelector('.source').textContent,
      tabLabels: [...root.querySelectorAll('[role=tab]')].map((b) => b.textContent),
      buttons: [...root.querySelectorAll('.actions button')].map((b) => b.textContent),
      tabs: shown('.tabs'),
      actions: shown('.actions'),
      breakInside: getComputedStyle(h).breakInside,
      swatchAdjust: [...root.querySelectorAll('.sw')].map((e) => getComputedStyle(e).printColorAdjust),
      // What the chart prints besides its canvas and controls.
      words: text('.title, .subtitle, .legend, .notes, .source'),
      legend: box(root.querySelector('.legend')),
      hatchedSwatch: root.querySelector('.sw.hatched') && box(root.querySelector('.sw.hatched')),
      canvas: box(root.querySelector('canvas')),
    };
  }));
  printed.article = await page.evaluate(() => document.body.innerText);
});

after(async () => {
  await printed.ctx?.close();
  printed.site?.server.close();
});

test('print media: the tabs and the table/PNG buttons are hidden, charts avoid page breaks, swatches print exact', () => {
  assert.equal(printed.layout.length, 4);
  for (const c of printed.layout) {
    assert.deepEqual(c.tabs, ['none'], `${c.title}: the view tabs are not printed`);
    assert.deepEqual(c.actions, ['none'], `${c.title}: the table and PNG buttons are not printed`);
    assert.equal(c.breakInside, 'avoid');
    assert.ok(c.swatchAdjust.length && c.swatchAdjust.every((v) => v === 'exact'), `${c.title}: swatches print as they are`);
  }
  // Nor does their text reach the paper: no label is printed more often than the article and
  // the charts' titles, legends, notes and sources say it.
  const occurrences = (text, word) => text.split(word).length - 1;
  const pdf = printed.text.join('\n');
  const words = [printed.article, ...printed.layout.map((c) => c.words)].join('\n');
  for (const word of new Set(printed.layout.flatMap((c) => [...c.tabLabels, ...c.buttons]))) {
    assert.ok(occurrences(pdf, word) <= occurrences(words, word), `"${word}" is printed ${occurrences(pdf, word)} times`);
  }
  assert.deepEqual(printed.errors, []);
});

test('no chart is split across pages: each one\'s title, plot and source line are on one page', () => {
  // Pixels: every chart's top and bottom marker on the same page, its title's dark text under
  // the top, its plot's marks in between and its source line's text above the bottom.
  assert.equal(printed.order.length, 8, `a top and a bottom marker per chart: ${printed.order}`);
  printed.charts.forEach(({ top, bottom, img, band }, i) => {
    const { title, source } = printed.layout[i];
    assert.ok(top.kind === 'top' && bottom.kind === 'bottom', `markers in order: ${printed.order}`);
    assert.equal(top.p, bottom.p, `"${title}" (chart ${i + 1}) starts on page ${top.p + 1} and ends on page ${bottom.p + 1}`);
    const page = `page ${top.p + 1}`;
    assert.ok(count(img, [40, 40, 40], { ...band, y1: band.y0 + 48, tol: 45 }) > 150, `chart ${i + 1}: its title is on ${page}`);
    assert.ok(count(img, region, band) > 100, `chart ${i + 1}: its plot is on ${page}`);
    const foot = { ...band, y0: band.y1 - 40 };
    const blank = count(img, [255, 255, 255], foot);
    assert.ok((foot.x1 - foot.x0) * 40 - blank > 150, `chart ${i + 1}: its source line is on ${page}`);
    // Text: the PDF's page holds both the title and the source line.
    assert.ok(printed.text[top.p].includes(title) && printed.text[top.p].includes(source),
      `chart ${i + 1}: "${title}" and "${source}" on ${page}`);
  });
});

test('the bars, the hatching and the legend swatches print in their colours', () => {
  assert.equal(printed.charts.length, 4, 'every chart found on the pages');
  // A box of the layout (CSS px from the chart's top left) in the raster of its page, whole pixels.
  const at = ({ top }, b, inset = 0) => ({
    x0: Math.round(top.x0 + b.x0 + inset), x1: Math.round(top.x0 + b.x1 - inset),
    y0: Math.round(top.y + b.y0 + inset), y1: Math.round(top.y + b.y1 - inset),
  });
  printed.charts.forEach((chart, i) => {
    const { img, band, top } = chart;
    const { legend, title } = printed.layout[i];
    const swatches = { region: count(img, region, at(chart, legend)), reference: count(img, reference, at(chart, legend)) };
    assert.ok(swatches.region > 40 && swatches.reference > 20, `chart ${i + 1} (${title}): the legend's swatches print: ${JSON.stringify(swatches)}`);
    assert.ok(count(img, region, { ...band, y0: top.y + legend.y1 }) > 100, `chart ${i + 1}: the region's marks print in #e04f1a`);
  });

  // The compare view: solid bars for the stated rates, hatched ones for the derived.
  const chart = printed.charts[0];
  const { img } = chart;
  const { canvas, hatchedSwatch } = printed.layout[0];
  const area = (b) => (b.x1 - b.x0) * (b.y1 - b.y0);
  for (const bar of printed.bars) {
    const box = at(chart, { x0: canvas.x0 + bar.x, x1: canvas.x0 + bar.x + bar.w, y0: canvas.y0 + bar.y, y1: canvas.y0 + bar.y + bar.h }, 3);
    if (bar.series === 'region') {
      assert.ok(count(img, region, box) > 0.95 * area(box), `a region bar prints solid: ${JSON.stringify(box)}`);
    } else {
      const lines = count(img, reference, { ...box, tol: 60 });
      assert.ok(lines > 0.15 * area(box) && lines < 0.8 * area(box), `a reference bar prints hatched, blue lines ${lines} of ${area(box)} px`);
    }
  }
  // The legend's hatched swatch is a CSS background, which browsers leave off paper unless told.
  const inside = at(chart, hatchedSwatch, 3);
  const ink = area(inside) - count(img, [255, 255, 255], { ...inside, tol: 30 });
  assert.ok(ink > 0.15 * area(inside), `the hatched swatch's lines print (${ink} of ${area(inside)} px inked)`);
});

test('the canvas prints sharp: redrawn at print resolution (at least 3x), vector or >= 288 ppi in the PDF, back to 1x after', () => {
  assert.equal(printed.during?.length, 4, 'the canvases were seen during print');
  for (const [i, c] of printed.during.entries()) {
    assert.ok(c.width >= 3 * c.cssWidth - 1 && c.height >= 3 * c.cssHeight - 1,
      `chart ${i + 1}: backing store ${c.width}×${c.height} for ${c.cssWidth}×${c.cssHeight} CSS px while printing`);
  }
  for (const [i, c] of printed.after.entries()) {
    assert.equal(c.width, Math.round(c.cssWidth), `chart ${i + 1}: back to the screen's resolution after printing`);
  }
  // Chromium prints a canvas redrawn just before as vectors (no image at all); a bitmap must
  // carry at least 3 device pixels per CSS px (288 ppi).
  const coarse = printed.images.filter((im) => im.xppi < 288 || im.yppi < 288);
  assert.deepEqual(coarse, [], 'no image in the PDF below 288 ppi');
});

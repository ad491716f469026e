// Rasterises SVG files to PNG (same name, .png) in headless Chromium, to look at them.
// usage: node scripts/snapshot-svgs.mjs OUT_DIR file.svg...
import { readFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launch } from './browser.mjs';

const [out, ...files] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const ctx = await launch({ deviceScaleFactor: 1 });
const page = await ctx.newPage();
for (const f of files) {
  const svg = readFileSync(f, 'utf8');
  const w = Number(/width="(\d+)"/.exec(svg)[1]);
  const h = Number(/height="(\d+)"/.exec(svg)[1]);
  await page.setViewportSize({ width: w, height: h });
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  await page.screenshot({ path: join(out, basename(f, '.svg') + '.png') });
}
await ctx.close();

// cargo (release, wasm32) → wasm-bindgen --target web → npm binaryen wasm-opt -Oz, into pkg/
// (the npm package's files; the demo server serves it at /pkg/).
// Never Debian's /usr/bin/wasm-opt: its output fails at instantiation.
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, run, setup } from './setup.mjs';

export const PKG = join(ROOT, 'pkg');

export function sizes() {
  const out = {};
  for (const f of ['passrate_chart_bg.wasm', 'passrate_chart.js', 'passrate-chart.js']) {
    const bytes = readFileSync(join(PKG, f));
    out[f] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return out;
}

export function build() {
  setup();
  console.log('» cargo build --release --target wasm32-unknown-unknown');
  run('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown']);
  const wasm = join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'passrate_chart.wasm');
  console.log('» wasm-bindgen --target web');
  run('wasm-bindgen', ['--target', 'web', '--out-dir', PKG, wasm]);
  const out = join(PKG, 'passrate_chart_bg.wasm');
  console.log('» wasm-opt -Oz (npm binaryen)');
  run(join(ROOT, 'node_modules', '.bin', 'wasm-opt'), [
    '-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-reference-types', '--enable-multivalue', '--enable-mutable-globals', out, '-o', out,
  ]);
  // The widget and its API sit beside the wasm-bindgen glue: one folder is the whole package.
  for (const f of ['passrate-chart.js', 'passrate-chart.d.ts']) copyFileSync(join(ROOT, 'js', f), join(PKG, f));
  const s = sizes();
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  for (const [f, { raw, gzip }] of Object.entries(s)) console.log(`  ${f}: ${kb(raw)} raw, ${kb(gzip)} gzip -9`);
  writeFileSync(join(ROOT, 'target', 'wasm-sizes.json'), JSON.stringify(s, null, 2));
  return s;
}

/** The package files: what npm ships and what a static site serves at ./pkg/. */
export const PACKAGE_FILES = ['passrate-chart.js', 'passrate-chart.d.ts', 'passrate_chart.js', 'passrate_chart.d.ts', 'passrate_chart_bg.wasm'];

/** dist/: the demo, the playground and the package, ready for any static host, at any path. */
export function site() {
  const dist = join(ROOT, 'dist');
  rmSync(dist, { recursive: true, force: true });
  cpSync(join(ROOT, 'www'), dist, { recursive: true });
  mkdirSync(join(dist, 'pkg'), { recursive: true });
  for (const f of PACKAGE_FILES) copyFileSync(join(PKG, f), join(dist, 'pkg', f));
  console.log(`» wrote ${dist}`);
  return dist;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build();
  if (process.argv.includes('--site')) site();
}

#!/bin/sh
# The reader wasm alone, as BENCHMARKS.md's size levers were measured: release build,
# wasm-bindgen, wasm-opt -Oz (npm binaryen, the flags scripts/build.mjs uses), gzip -9.
# Writes nothing under pkg/ or dist/. Run from anywhere after `npm start` has set things up.
set -e
cd "$(dirname "$0")/.."
out="${TMPDIR:-/tmp}/passrate-chart-wasm-size"
mkdir -p "$out"
cargo build --release --lib --target wasm32-unknown-unknown -p passrate-chart-reader
wasm-bindgen --target web --out-name passrate_chart --out-dir "$out" target/wasm32-unknown-unknown/release/passrate_chart_reader.wasm
node_modules/.bin/wasm-opt -Oz --converge --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals \
  "$out/passrate_chart_bg.wasm" -o "$out/opt.wasm"
raw=$(wc -c < "$out/opt.wasm")
gz=$(gzip -9 -c "$out/opt.wasm" | wc -c)
echo "reader wasm: $raw bytes raw, $gz bytes gzip -9 (unoptimised, with names, for twiggy: $out/passrate_chart_bg.wasm)"

#!/usr/bin/env bash
# Fuzz the loaders and the layout with libFuzzer (cargo fuzz, nightly).
#
#   fuzz/run.sh            about a minute per target
#   fuzz/run.sh 1800       half an hour per target
#
# Seeds each target's corpus with the project's datasets. A crash stops the run and leaves
# its input in fuzz/artifacts/<target>/; add it to tests/corpus/make.mjs as a case.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || { echo "» cargo install cargo-fuzz"; cargo install cargo-fuzz; }
rustup toolchain list | grep -q nightly || { echo "» rustup toolchain install nightly"; rustup toolchain install nightly --profile minimal; }
mkdir -p corpus/load_json corpus/load_csv corpus/layout
cp ../www/data/*.json ../tests/fixtures/*.json corpus/load_json/
cp ../www/data/*.csv corpus/load_csv/
for target in load_json load_csv layout; do
  echo "» fuzzing $target for ${seconds}s"
  cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=65536 2>&1 | tail -n 4
done

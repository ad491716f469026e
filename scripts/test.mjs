// npm test: the whole suite, in order, stopping at the first failure.
// lint (fmt, clippy native + wasm32, rustdoc) → native tests → browser tests (wasm-bindgen-test in
// headless Chromium) → release build → playwright-core check of the served demo page.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, ROOT, run, setup } from './setup.mjs';
import { build } from './build.mjs';

const CHROMEDRIVER = process.env.CHROMEDRIVER || '/usr/bin/chromedriver';

function browserPackages() {
  // pdftoppm (poppler-utils) reads the PDF the print test prints.
  const missing = [CHROMIUM, CHROMEDRIVER, '/usr/bin/pdftoppm'].filter((p) => !existsSync(p));
  const noCjk = !existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  if (!missing.length && !noCjk) return;
  const pkgs = 'chromium chromium-driver fonts-noto-cjk poppler-utils';
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`» Installing ${pkgs} (apt-get) for the browser tests…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...pkgs.split(' ')], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`The browser tests need ${missing.join(', ') || 'CJK fonts'}. Install them with:\n  sudo apt-get install -y ${pkgs}`);
    process.exit(1);
  }
}

const step = (name) => console.log(`\n=== ${name}`);

setup();
browserPackages();
step('cargo fmt --check');
run('cargo', ['fmt', '--check']);
step('cargo clippy (native)');
run('cargo', ['clippy', '--workspace', '--all-targets', '--', '-D', 'warnings']);
// The crates that are built for wasm32 (the command line's is native only).
const WASM_CRATES = ['-p', 'passrate-chart', '-p', 'passrate-chart-reader', '-p', 'passrate-chart-extract', '-p', 'passrate-chart-editor'];
step('cargo clippy (wasm32)');
run('cargo', ['clippy', ...WASM_CRATES, '--all-targets', '--target', 'wasm32-unknown-unknown', '--', '-D', 'warnings']);
step('cargo doc (warnings denied)');
run('cargo', ['doc', '--workspace', '--no-deps'], { env: { ...process.env, RUSTDOCFLAGS: '-D warnings' } });
step('cargo test (native, every crate: unit, golden SVG, layout, load errors, command line, PNG, doc tests)');
run('cargo', ['test', '--workspace']);
step('wasm-bindgen-test in headless Chromium');
run('cargo', ['test', '-p', 'passrate-chart-reader', '--target', 'wasm32-unknown-unknown', '--test', 'web'], {
  env: { ...process.env, CHROMEDRIVER, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner' },
});
step('release build');
await build();
step('demo pages and widget in headless Chromium (playwright-core)');
const e2e = readdirSync(join(ROOT, 'tests', 'e2e')).filter((f) => f.endsWith('.test.mjs')).sort();
run(process.execPath, ['--test', '--test-concurrency=1', ...e2e.map((f) => join('tests', 'e2e', f))], { cwd: ROOT });

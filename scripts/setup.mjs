// Installs what the build needs when it is missing, saying what it does (this file imports
// nothing from npm, so it can run before the npm packages are there):
// the wasm32 Rust target, the wasm-bindgen CLI matching Cargo.lock, npm packages.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's Chromium, used by every browser test. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

function output(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : '';
}

/** The wasm-bindgen version pinned in Cargo.lock. */
export function wasmBindgenVersion() {
  const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
  const m = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock);
  if (!m) throw new Error('Cargo.lock has no wasm-bindgen entry');
  return m[1];
}

export function setup() {
  if (!output('rustup', ['target', 'list', '--installed']).split('\n').includes('wasm32-unknown-unknown')) {
    console.log('» Installing the Rust target wasm32-unknown-unknown (rustup target add)…');
    run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
  }
  const want = wasmBindgenVersion();
  const have = output('wasm-bindgen', ['--version']).trim().split(' ')[1];
  if (have !== want) {
    console.log(`» Installing wasm-bindgen-cli ${want}${have ? ` (found ${have})` : ''} to match Cargo.lock.`);
    console.log('  It compiles from source: about 8 minutes on 2 cores. It is working, not hung.');
    run('cargo', ['install', 'wasm-bindgen-cli', '--version', want]);
  }
  const need = ['playwright-core', 'binaryen', 'esbuild', 'axe-core', 'chart.js', 'echarts'].filter((p) => !existsSync(join(ROOT, 'node_modules', p, 'package.json')));
  if (need.length) {
    console.log(`» Installing npm packages (${need.join(', ')})…`);
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setup();

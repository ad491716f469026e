// The wasm engine: fetched and compiled once, instantiated through a fresh copy of the
// wasm-bindgen glue (createEngine), and restarted on a fresh instance after a panic or trap.
//
// Every chart on a page shares one instance. A panic or trap leaves that instance unusable
// for all of them, so live charts are registered here and, after one, rebuilt on a new
// instance of the same compiled module (no second download).

import { createEngine } from '../../target/glue/engine.js';

let engine = null;
let ready = null;
let compiled = null;
let source;
let restarting = null;
/** Charts drawn by the current engine, rebuilt after a restart. */
export const live = new Set();

/** The default location of the .wasm: beside this module (bundlers copy it as an asset). */
function defaultWasm() {
  return new URL('./passrate_chart_bg.wasm', import.meta.url);
}

async function compile(src) {
  if (src instanceof WebAssembly.Module) return src;
  if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) return WebAssembly.compile(src);
  const response = fetch(src, { credentials: 'same-origin' });
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (e) {
      // A server that sends .wasm with the wrong type: compile the bytes instead.
      if (!(e instanceof TypeError)) throw e;
    }
  }
  const r = await response;
  if (!r.ok) throw new Error(`${src} answered HTTP ${r.status}`);
  return WebAssembly.compile(await r.arrayBuffer());
}

async function instantiate() {
  compiled ||= compile(source ?? defaultWasm()).catch((e) => {
    compiled = null;
    throw e;
  });
  const module = await compiled;
  const fresh = createEngine();
  await fresh.default({ module_or_path: module });
  engine = fresh;
  return fresh;
}

/** The engine, loading it on first use. `src`: a URL, bytes or a WebAssembly.Module. */
export function load(src) {
  if (src !== undefined && src !== null && !compiled) source = src;
  ready ||= instantiate().catch((e) => {
    ready = null;
    throw e;
  });
  return ready;
}

/** The engine now loaded (call after `load` resolved). */
export function current() {
  return engine;
}

/** Whether `e` means the wasm instance can no longer be trusted. */
export function isTrap(e) {
  return (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError)
    || /passrate-chart internal error|recursive use of an object/.test(String(e?.message ?? e));
}

/** Starts a fresh instance and moves every live chart onto it. */
export function restart() {
  restarting ||= (async () => {
    try {
      ready = instantiate();
      await ready;
    } catch (e) {
      ready = null;
      for (const chart of [...live]) chart._fail(new Error(`The chart engine failed and could not restart: ${e.message}`));
      throw e;
    }
    for (const chart of [...live]) {
      try {
        chart._rebuild();
      } catch (e) {
        chart._fail(e instanceof Error ? e : new Error(String(e)));
      }
    }
  })().finally(() => { restarting = null; });
  return restarting;
}

/** Runs `fn` (a call into the engine); after a trap, restarts the engine and rethrows. */
export function guarded(fn, onTrap) {
  try {
    return fn();
  } catch (e) {
    if (!isTrap(e)) throw e;
    const err = new Error(`The chart engine failed and was restarted: ${e.message || e}`);
    onTrap?.(err);
    restart().catch((x) => console.error(x));
    throw err;
  }
}

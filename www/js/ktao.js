// Loads the ktao WebAssembly module once per page, however many figures use it.
import init, * as ktao from '../pkg/ktao.js';

let ready = null;

/** The initialised module's exports (a promise shared by every caller). */
export function loadKtao() {
  ready ??= init({ module_or_path: new URL('../pkg/ktao_bg.wasm', import.meta.url) }).then(() => ktao);
  return ready;
}

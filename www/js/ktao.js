// Loads the ktao WebAssembly modules, each once per page however many figures
// use it. The library is built as one module per family of figures
// (pkg/<family>/, see the crate's features), so a page fetches only the
// bindings it draws: a Fig. 1 page does not download the vacancy solver.

const ready = new Map();

/**
 * The initialised module of `family` (a promise shared by every caller).
 * @param {string} family a feature of the crate other than `default`
 *   ("superconductivity", "magnetism", …), built into pkg/<family>/
 */
export function loadKtao(family) {
  if (typeof family !== 'string' || !/^[a-z]+$/.test(family)) {
    return Promise.reject(new Error(`family must name a module in pkg/ (e.g. "superconductivity"), got "${family}"`));
  }
  if (!ready.has(family)) {
    const base = new URL(`../pkg/${family}/`, import.meta.url);
    ready.set(family, import(new URL('ktao.js', base).href).then(async (ktao) => {
      await ktao.default({ module_or_path: new URL('ktao_bg.wasm', base) });
      return ktao;
    }));
  }
  return ready.get(family);
}

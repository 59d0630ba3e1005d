// A module worker that runs exports of the ktao wasm module for a page
// (see ../worker-client.js): it loads the package that its URL names
// (`?family=vacancy`, the same as the page's), then
// answers { id, method, args, progress } with { id, result } or
// { id, error }, and while the call runs, if `progress` is set, sends
// { id, progress: [...] } for the export's progress callback (at most one
// per PROGRESS_MS, so a fast loop does not flood the page).
import { loadKtao } from '../ktao.js';

const ready = loadKtao(new URL(self.location.href).searchParams.get('family'));
const PROGRESS_MS = 30;

self.addEventListener('message', async ({ data }) => {
  const { id, method, args = [], progress } = data ?? {};
  try {
    const ktao = await ready;
    const f = ktao[method];
    if (typeof f !== 'function' || method === 'default' || method.startsWith('init')) {
      throw new Error(`the worker has no computation called "${method}"`);
    }
    let last = -Infinity;
    const report = (...a) => {
      const now = performance.now();
      if (now - last >= PROGRESS_MS) {
        last = now;
        self.postMessage({ id, progress: a });
      }
    };
    const result = f(...args, ...(progress ? [report] : []));
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});

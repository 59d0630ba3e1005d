// Reads a dropped file off the page's thread: a 200,000-row MPMS3 file
// takes a fraction of a second to parse, and the page keeps drawing
// meanwhile. The worker loads the library through the one place every page
// does (js/ktao.js) and answers each { id, file } with { id, file: the
// reader's result } (the columns' values transferred, not copied) or
// { id, error }.
import { loadKtao } from '../ktao.js';

self.addEventListener('message', async (event) => {
  const { id, file } = event.data;
  try {
    const ktao = await loadKtao('files');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const t0 = performance.now();
    const result = ktao.readDataFile(bytes, file.name);
    const ms = performance.now() - t0;
    const buffers = result.columns.map((c) => c.values.buffer);
    self.postMessage({ id, file: result, bytes: bytes.length, ms }, buffers);
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});

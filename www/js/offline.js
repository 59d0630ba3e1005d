// Registers the service worker that keeps the site readable offline, and
// hands it every resource this page loaded so the first visit is cached whole.
// Installing the worker fetches a list of the site's files and starts a
// thread: it waits until the page has drawn what it came for (`after`), so
// that it does not compete with the first figure for the network and the CPU.

/**
 * Registers the service worker once `after` settles (by default, once the
 * page has loaded).
 * @param {Promise<unknown>} [after]
 */
export function keepOffline(after = loaded()) {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    const sw = new URL('../sw.js', import.meta.url);
    navigator.serviceWorker.register(sw, { scope: new URL('../', import.meta.url).pathname }).then(async () => {
      const reg = await navigator.serviceWorker.ready;
      const urls = [location.href.split('#')[0], ...performance.getEntriesByType('resource').map((e) => e.name)];
      reg.active?.postMessage({ type: 'cache', urls });
    }).catch((err) => console.warn(`offline support unavailable: ${err.message}`));
  };
  after.then(register, register);
}

/** Resolves when the page's load event has fired. */
const loaded = () => new Promise((resolve) => {
  if (document.readyState === 'complete') resolve();
  else window.addEventListener('load', () => resolve(), { once: true });
});

/**
 * Resolves when the figure in `root` first draws, or at once if `mounted`
 * (its mountFigure promise) fails.
 * @param {Element} root
 * @param {Promise<unknown>} mounted
 */
export function firstDrawing(root, mounted) {
  const drawn = new Promise((resolve) => root.addEventListener('ktao-drawn', () => resolve(), { once: true }));
  return mounted.then(() => drawn, () => undefined);
}

// Registers the service worker that keeps the site readable offline, and
// hands it every resource this page loaded so the first visit is cached whole.
if ('serviceWorker' in navigator) {
  const sw = new URL('../sw.js', import.meta.url);
  navigator.serviceWorker.register(sw, { scope: new URL('../', import.meta.url).pathname }).then(async () => {
    const reg = await navigator.serviceWorker.ready;
    const urls = [location.href.split('#')[0], ...performance.getEntriesByType('resource').map((e) => e.name)];
    reg.active?.postMessage({ type: 'cache', urls });
  }).catch((err) => console.warn(`offline support unavailable: ${err.message}`));
}

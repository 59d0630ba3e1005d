// Offline support: network first (a reader online always gets the newest
// site), the cache when the network is gone. Pages post the list of what they
// loaded, so one visit caches everything a figure needs.
const CACHE = 'ktao-v1';

// What pages need offline but cannot list themselves: work done in workers
// (the Fig. 3 solver, analyze.html's reader), whose requests — the worker,
// the library it loads — do not appear among a page's resources, and the
// analysis page's modules that load on demand. Cached when the service
// worker installs (relative to its scope). The wasm libraries are not listed:
// each page's own resources include its library (cached as on every page),
// and downloading every library at install delays the worker's activation.
const PRECACHE = [
  'js/workers/ktao-worker.js', 'js/worker-client.js',
  'analyze.html', 'favicon.svg', 'css/site.css', 'css/figure.css', 'css/analyze.css',
  'js/analyze/main.js', 'js/analyze/worker.js', 'js/analyze/file.js', 'js/analyze/exports.js',
  'js/analyze/shared.js', 'js/analyze/analyses/index.js', 'js/analyze/analyses/hall.js',
  'js/analyze/analyses/hc2-angle.js', 'js/analyze/analyses/hc2-temperature.js', 'js/analyze/analyses/iv.js',
  'js/analyze/analyses/loop.js', 'js/analyze/analyses/rt.js', 'js/analyze/analyses/zfc-fc.js',
  'js/ktao.js', 'js/dom.js', 'js/format.js', 'js/export.js', 'js/pointer.js', 'js/offline.js',
];

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all(
    PRECACHE.map((u) => c.add(new URL(u, self.registration.scope)).catch(() => {})),
  )));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache') return;
  const own = event.data.urls.filter((u) => new URL(u).origin === self.location.origin);
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all(own.map((u) => c.add(u).catch(() => {})))));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const res = await fetch(req);
      if (res.ok) {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(req, copy));
      }
      return res;
    } catch (err) {
      const hit = await caches.match(req, { ignoreSearch: true });
      if (hit) return hit;
      throw err;
    }
  })());
});

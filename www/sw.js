// Offline support: network first (a reader online always gets the newest
// site), the cache when the network is gone. Pages post the list of what they
// loaded, so one visit caches everything a figure needs.
const CACHE = 'ktao-v1';

// What a page may need offline without having fetched it on the first visit:
// the worker of the long computations (Fig. 3) starts in the background, and
// its script is not among the resources the page reports.
const PRECACHE = ['js/workers/ktao-worker.js', 'js/worker-client.js', 'js/ktao.js'];

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

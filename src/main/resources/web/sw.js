// The service worker: keeps the page's own files so that the page opens without a network. It asks
// the network first (the page is always the newest when there is one) and falls back to the copy
// kept. It never touches /api: API answers hold personal data and are never kept (they also carry
// Cache-Control: no-store); entries waiting for the network are the page's business (outbox.js).
const CACHE = 'craftline-page';
/** Every file the page is made of; a test checks that the list names each file under web/. */
const PAGE = ['/', '/index.html', '/app.css', '/app.js', '/api.js', '/outbox.js', '/day.js', '/trend.js',
  '/imports.js', '/timer.js', '/people.js', '/favicon.svg', '/manifest.json', '/icon-192.png', '/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PAGE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')
    || !PAGE.includes(url.pathname)) {
    return;
  }
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
    }
    return response;
  }).catch(() => caches.match(event.request).then((kept) => kept || Promise.reject(new Error('not kept')))));
});

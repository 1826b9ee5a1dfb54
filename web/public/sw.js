// The service worker: keeps the app shell and the knowledge answers so the
// app opens offline after one visit. Hashed assets never change (cache
// first); the page and the knowledge are fetched fresh when possible.
const CACHE = 'plantar-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['/', '/manifest.webmanifest', '/icon.svg'])));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || url.pathname === '/api/session' || url.pathname === '/pair' ||
      url.pathname.startsWith('/api/audio/')) return;  // audio: big, and fetched in Range parts
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => store(request, response))));
    return;
  }
  // The page and GET answers of the API: fresh when online, the last copy when not.
  const key = request.mode === 'navigate' ? '/' : request;
  event.respondWith(fetch(request).then((response) => store(key, response)).catch(() => caches.match(key)));
});

function store(key, response) {
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(key, copy));
  }
  return response;
}

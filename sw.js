// Sitrep service worker: makes the page work with no network after the first visit.
//
// - On install it caches the page's own files: the page, the manifest and icon, and every
//   same-origin file the page names (Trunk's hashed .js/.wasm/.css links and the boot script's
//   data-sitrep-* attributes).
// - Requests for the page's own files are answered from the cache first; anything missing is
//   fetched and added. Navigations are answered from the cache too, and the cached page is
//   refreshed in the background, so a new build is picked up on the next visit.
// - Requests to other origins are never made or answered here (the page's CSP allows none).
// - The cache name carries VERSION; activating a new version deletes older caches.
'use strict';

const VERSION = 'v1';
const CACHE = 'sitrep-' + VERSION;
const SHELL = ['./', './index.html', './manifest.webmanifest', './icon.svg', './icon-192.png', './icon-512.png'];

function sameOrigin(url) {
  return new URL(url, self.location.href).origin === self.location.origin;
}

// Same-origin files the page refers to.
function assetsOf(html) {
  const out = new Set();
  const re = /\s(?:href|src|data-sitrep-js|data-sitrep-wasm)\s*=\s*"([^"]+)"/g;
  let m;
  while ((m = re.exec(html)) !== null) {
    const url = new URL(m[1], self.registration.scope);
    if (url.origin === self.location.origin) out.add(url.href);
  }
  return [...out];
}

async function precache() {
  const cache = await caches.open(CACHE);
  // The shell first: a missing optional file must not stop the rest.
  await Promise.all(SHELL.map(async (path) => {
    try {
      const res = await fetch(path, { cache: 'no-cache' });
      if (res.ok) await cache.put(path, res.clone());
    } catch (_) { /* offline during install: nothing to add */ }
  }));
  const page = await cache.match('./');
  if (!page) return;
  const html = await page.text();
  await Promise.all(assetsOf(html).map(async (url) => {
    try {
      const res = await fetch(url, { cache: 'no-cache' });
      if (res.ok) await cache.put(url, res);
    } catch (_) { /* fetched on first use instead */ }
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((n) => n.startsWith('sitrep-') && n !== CACHE)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

async function fromCacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.type === 'basic') await cache.put(request, res.clone());
  return res;
}

async function navigate(event) {
  const cache = await caches.open(CACHE);
  const refresh = fetch(event.request).then(async (res) => {
    if (res.ok && res.type === 'basic') {
      await cache.put('./', res.clone());
      // A new build names new hashed files: cache them now, for the next offline visit.
      const html = await res.clone().text();
      await Promise.all(assetsOf(html).map((url) =>
        cache.match(url).then((hit) => hit || fetch(url).then((r) => r.ok ? cache.put(url, r) : null))
          .catch(() => null)));
    }
    return res;
  });
  const cached = await cache.match('./');
  if (cached) {
    event.waitUntil(refresh.catch(() => null));
    return cached;
  }
  return refresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !sameOrigin(request.url)) return;
  const url = new URL(request.url);
  // Only the page's own files, within this worker's scope.
  if (!url.href.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else {
    event.respondWith(fromCacheFirst(request));
  }
});

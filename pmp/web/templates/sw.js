// pmp's service worker (served at /sw.js by pmp/web/routes.py): the app opens without a
// network. Navigations: network first, else the app shell this worker kept. The app's files
// under /assets/<digest>/: from the cache first (a digest never changes its files). The API is
// never cached: the app keeps its own copies of what it needs (outbox.js, the workout cache).
const VERSION = {{ digest|tojson }};
const CACHE = `pmp-${VERSION}`;
const SHELL = "/__app-shell";
const PRECACHE = {{ precache|tojson }};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE);
    const shell = await fetch("/", { cache: "no-store" });
    if (shell.ok) await cache.put(SHELL, shell);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("pmp-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function navigation(request) {
  try {
    const response = await fetch(request);
    const type = response.headers.get("Content-Type") || "";
    if (response.ok && type.startsWith("text/html")) {
      const cache = await caches.open(CACHE);
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match(SHELL);
    if (kept) return kept;
    throw error;
  }
}

async function asset(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith(`/assets/${VERSION}/`)) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/r/")) return; // the public share pages are not the app
  if (request.mode === "navigate") {
    event.respondWith(navigation(request));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(asset(request));
  }
});

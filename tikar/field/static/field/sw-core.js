/* The field app's service worker logic (classic script, imported by /lapangan/sw.js after
 * Workbox's loader). self.TIKAR_SW, set by sw.js, holds:
 *   {version, precache: [{url, revision}], shell: "/lapangan/", scope, data: [urls],
 *    modules: {"workbox-precaching": url, ...}, login}
 *
 * What is cached, and how (docs/offline.md, "The field app"):
 * - static/field/** and tikar.css: Workbox precache, revisioned by content; an install fails
 *   if one of them cannot be fetched (they are the app).
 * - the shell /lapangan/: network first (4 s), the cached copy offline; fetched at install
 *   with the session cookie. A login page (a redirect) is never stored as the shell.
 * - manifest, WHO tables, rules: fetched at install without failing it (a 404 is skipped and
 *   fetched again on first use online), then cache first, in a cache named by the version.
 * - /api/ and everything else: not touched (network only). The app's data lives in IndexedDB,
 *   which no service worker step ever opens: an update cannot drop unsent data.
 */
/* global workbox */
(() => {
  const C = self.TIKAR_SW;
  workbox.setConfig({ debug: false, modulePathCb: (name) => C.modules[name] });
  const { precaching, routing, strategies, core } = workbox;

  const PAGES = `tikar-pages-${C.version}`;
  const DATA = `tikar-data-${C.version}`;
  const OURS = [PAGES, DATA];

  core.setCacheNameDetails({ prefix: "tikar", suffix: "v1" });
  precaching.precacheAndRoute(C.precache, { ignoreURLParametersMatching: [/.*/] });
  precaching.cleanupOutdatedCaches();

  // Only a real, non-redirected 200 is worth keeping (not the login page, not an error).
  const onlyGood = {
    cacheWillUpdate: async ({ response }) =>
      response && response.status === 200 && !response.redirected ? response : null,
  };

  async function warm(cacheName, url) {
    try {
      const resp = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (resp.status === 200 && !resp.redirected) {
        const cache = await caches.open(cacheName);
        await cache.put(url, resp);
      }
    } catch (e) {
      // Offline or not deployed yet: fetched again on first use.
    }
  }

  self.addEventListener("install", (event) => {
    event.waitUntil(Promise.all([warm(PAGES, C.shell), ...C.data.map((u) => warm(DATA, u))]));
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        const names = await caches.keys();
        await Promise.all(
          names
            .filter((n) => (n.startsWith("tikar-pages-") || n.startsWith("tikar-data-")) && !OURS.includes(n))
            .map((n) => caches.delete(n)),
        );
        await self.clients.claim();
      })(),
    );
  });

  self.addEventListener("message", (event) => {
    const type = event.data?.type;
    if (type === "SKIP_WAITING") self.skipWaiting();
    if (type === "FORGET_SHELL") event.waitUntil(caches.delete(PAGES));
  });

  const shellStrategy = new strategies.NetworkFirst({
    cacheName: PAGES,
    networkTimeoutSeconds: 4,
    plugins: [onlyGood],
  });
  const scope = new URL(C.scope, self.location.origin).pathname;
  routing.registerRoute(
    ({ request, url }) => request.mode === "navigate" && url.pathname.startsWith(scope),
    async ({ request, event, url }) => {
      // Every page of the app is the one shell; its screens route inside it.
      const shellRequest = url.pathname === C.shell ? request : new Request(C.shell, { credentials: "same-origin" });
      try {
        const response = await shellStrategy.handle({ request: shellRequest, event });
        if (response) return response;
      } catch (e) {
        // no network and nothing cached: fall through
      }
      return (await caches.match(C.shell, { cacheName: PAGES, ignoreSearch: true })) || Response.error();
    },
  );

  const dataPaths = C.data.map((u) => new URL(u, self.location.origin).pathname);
  routing.registerRoute(
    ({ url }) => url.origin === self.location.origin && dataPaths.includes(url.pathname),
    new strategies.CacheFirst({ cacheName: DATA, plugins: [onlyGood] }),
  );
})();

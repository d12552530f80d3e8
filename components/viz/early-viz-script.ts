/**
 * A tiny script the view page renders inline (with the request's CSP nonce) just before its server-rendered
 * `<tableau-viz>`, so it runs as the parser reaches it, long before the page's own JavaScript has run. On a
 * direct load only (after a client-side navigation React does not run inline scripts, and needs none of this):
 * - when the page names one in `data-embedding-api`, it adds the Tableau server's Embedding API module script,
 *   which defines `<tableau-viz>` and so starts the server-rendered viz without waiting for hydration; a failed
 *   load removes the element, so the viz's own loader (load-embedding-api.ts) tries again and reports it;
 * - it records the viz's events until the component takes them (early-viz-events.ts): the viz can sign in,
 *   load and become interactive before React has hydrated, and a hydrated element gets no React listeners;
 * - it tells when the viz has settled (interactive, or failed), which is when the viz's own part of the page
 *   hydrates (hydrate-after-viz.tsx).
 */

/** Marks the early Embedding API script, so the loader adopts it instead of adding a second one. */
export const EARLY_EMBEDDING_API_ATTR = "data-vizport-embedding-api";

/** The events the component listens to; the same list as early-viz-events.ts replays. */
export const VIZ_EVENT_TYPES = ["firstinteractive", "vizloaderror", "filterchanged", "tabswitched"] as const;

export const EARLY_VIZ_SCRIPT = `(function () {
  if (document.readyState !== "loading") return;
  var api = document.currentScript && document.currentScript.getAttribute("data-embedding-api");
  if (api && !document.querySelector("script[${EARLY_EMBEDDING_API_ATTR}]")) {
    var script = document.createElement("script");
    script.type = "module";
    script.src = api;
    script.setAttribute("${EARLY_EMBEDDING_API_ATTR}", "");
    script.onerror = function () { script.remove(); };
    document.head.appendChild(script);
  }
  if (window.__vizportEarlyViz) return;
  var types = ${JSON.stringify(VIZ_EVENT_TYPES)};
  var seen = [];
  var settled = false;
  var waiters = [];
  function settle() {
    if (settled) return;
    settled = true;
    waiters.splice(0).forEach(function (waiter) { waiter(); });
  }
  function record(event) {
    if (!event.target || event.target.localName !== "tableau-viz") return;
    seen.push(event);
    if (event.type === "firstinteractive" || event.type === "vizloaderror") settle();
  }
  types.forEach(function (type) { document.addEventListener(type, record, true); });
  window.__vizportEarlyViz = {
    take: function () {
      types.forEach(function (type) { document.removeEventListener(type, record, true); });
      window.__vizportEarlyViz = undefined;
      return seen;
    },
    settled: function (waiter) { if (settled) waiter(); else waiters.push(waiter); }
  };
})();
`;

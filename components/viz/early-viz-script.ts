/**
 * A tiny script the view page renders inline (with the request's CSP nonce) just before its server-rendered
 * `<tableau-viz>`, so it runs as the parser reaches it, long before the page's own JavaScript has run. On a
 * direct load only (after a client-side navigation React does not run inline scripts, and needs none of this):
 * - when the page names one in `data-embedding-api`, it adds the Tableau server's Embedding API module script,
 *   which defines `<tableau-viz>` and so starts the server-rendered viz without waiting for hydration; a failed
 *   load removes the element, so the viz's own loader (load-embedding-api.ts) tries again and reports it;
 * - it records the viz's events until the component takes them (early-viz-events.ts): the viz can sign in,
 *   load and become interactive before React has hydrated, and a hydrated element gets no React listeners;
 * - it holds the start of the page's own JavaScript until the viz has settled (interactive, or failed), the
 *   visitor reaches for the page, or a few seconds have passed (see "Holding Next.js's start" below).
 *
 * Holding Next.js's start. The viz and the page share one main thread: the Tableau iframe is same-site, so
 * Chromium keeps it in the page's process. Next.js's runtime (React, the router, the page's components: some
 * 100 ms of script on two cores) would otherwise run while the viz mounts its iframe and draws, and the viz
 * would wait for it. Next.js starts its runtime once the page's `beforeInteractive` scripts, queued in
 * `self.__next_s`, have loaded in turn (next/dist/client/app-bootstrap.js): the script queues one more step,
 * "the viz has settled", by having that queue's walk start from a promise that waits for it. Should a later
 * Next.js walk its queue another way, the step is a harmless empty script and the page starts as before.
 * Only when this script started the viz's library and the viz has its token in the HTML: otherwise nothing
 * can load before hydration, and nothing is held.
 */

/** Marks the early Embedding API script, so the loader adopts it instead of adding a second one. */
export const EARLY_EMBEDDING_API_ATTR = "data-vizport-embedding-api";

/** The events the component listens to; the same list as early-viz-events.ts replays. */
export const VIZ_EVENT_TYPES = ["firstinteractive", "vizloaderror", "filterchanged", "tabswitched"] as const;

/** The page's JavaScript waits at most this long for the viz. */
const MAX_HOLD_MS = 4000;

/** Any of these, before the viz has settled, starts the page's JavaScript at once. */
const REACHING_FOR_THE_PAGE = ["pointerdown", "keydown", "focusin"];

export const EARLY_VIZ_SCRIPT = `(function () {
  if (document.readyState !== "loading") return;
  var self_ = document.currentScript;
  var api = self_ && self_.getAttribute("data-embedding-api");
  var holding = false;
  if (api && !document.querySelector("script[${EARLY_EMBEDDING_API_ATTR}]")) {
    var script = document.createElement("script");
    script.type = "module";
    script.src = api;
    script.setAttribute("${EARLY_EMBEDDING_API_ATTR}", "");
    script.onerror = function () { script.remove(); open(); };
    document.head.appendChild(script);
    holding = true;
  }
  if (window.__vizportEarlyViz) return;
  var types = ${JSON.stringify(VIZ_EVENT_TYPES)};
  var seen = [];
  var isOpen = false;
  var waiters = [];
  function open() {
    if (isOpen) return;
    isOpen = true;
    waiters.splice(0).forEach(function (waiter) { waiter(); });
  }
  function opened(waiter) { if (isOpen) waiter(); else waiters.push(waiter); }
  function record(event) {
    if (!event.target || event.target.localName !== "tableau-viz") return;
    seen.push(event);
    if (event.type === "firstinteractive" || event.type === "vizloaderror") open();
  }
  types.forEach(function (type) { document.addEventListener(type, record, true); });
  window.__vizportEarlyViz = {
    take: function () {
      types.forEach(function (type) { document.removeEventListener(type, record, true); });
      window.__vizportEarlyViz = undefined;
      return seen;
    },
    opened: opened
  };
  if (!holding) return open();
  ${JSON.stringify(REACHING_FOR_THE_PAGE)}.forEach(function (type) {
    document.addEventListener(type, open, { capture: true, once: true });
  });
  setTimeout(open, ${MAX_HOLD_MS});
  var queue = (self.__next_s = self.__next_s || []);
  var step = ["", { children: "", nonce: self_.nonce }];
  queue.push(step);
  queue.reduce = function (walk, first) {
    var rest = Array.prototype.filter.call(this, function (entry) { return entry !== step; });
    if (!document.querySelector("tableau-viz[token]")) open();
    var held = Promise.resolve(first).then(function () { return new Promise(opened); });
    return Array.prototype.reduce.call(rest, walk, held);
  };
})();
`;

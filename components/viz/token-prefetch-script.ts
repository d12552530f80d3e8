/**
 * A tiny script the view page renders inline (with the request's CSP nonce), so it runs as the parser reaches
 * it, before the page's own JavaScript has downloaded, let alone hydrated. On a direct load only (the document
 * is still being parsed; after a client-side navigation React does not run inline scripts, and the component
 * does it all) it starts what the viz waits for, and in "server" library mode the viz itself:
 * - the embed-token request, leaving the pending response on `window.__vizportEarlyToken`; the viz component
 *   takes it for its first mount only, if young (fetch-embed-token.ts);
 * - when the page names one in `data-embedding-api`, the Tableau server's Embedding API module script, which
 *   defines `<tableau-viz>` by the time React mounts it (load-embedding-api.ts adopts the element);
 * - once both are in and the token is good, if React has not taken the token yet, a `<tableau-viz>` inside the
 *   component's early host (`data-vizport-early-host`: attributes from its data-*, the same documented ones
 *   the component renders), which records `firstinteractive` and `vizloaderror` until the component adopts it
 *   (early-viz.ts). `window.__vizportEarlyViz` settles to whether it did; the component waits for that before
 *   starting a viz of its own, so the two never both start one, and whichever is first the outcome is the same.
 *   The page's own chunks and hydration then no longer delay the viz's sign-in.
 */

/** Marks the early Embedding API script, so the loader adopts it instead of adding a second one. */
export const EARLY_EMBEDDING_API_ATTR = "data-vizport-embedding-api";

/** Marks the element the early script may fill with a `<tableau-viz>`. */
export const EARLY_HOST_ATTR = "data-vizport-early-host";

/** Set on the early host by the component when it starts the first viz itself: the early script keeps off. */
export const EARLY_HOST_TAKEN_ATTR = "data-vizport-taken";

/** Property of an early `<tableau-viz>` holding the events it fired before the component adopted it. */
export const EARLY_EVENTS_PROP = "__vizportEarlyEvents";

export const TOKEN_PREFETCH_SCRIPT = `(function () {
  if (document.readyState !== "loading") return;
  var api = document.currentScript && document.currentScript.getAttribute("data-embedding-api");
  var settle;
  window.__vizportEarlyViz = new Promise(function (resolve) { settle = resolve; });
  if (api && !document.querySelector("script[${EARLY_EMBEDDING_API_ATTR}]")) {
    var script = document.createElement("script");
    script.type = "module";
    script.src = api;
    script.setAttribute("${EARLY_EMBEDDING_API_ATTR}", "");
    // A failed early load leaves no element behind: the viz's own loader then tries and reports the failure.
    script.onerror = function () { script.remove(); settle(false); };
    document.head.appendChild(script);
  }
  if (window.__vizportEarlyToken) return settle(false);
  var early = window.__vizportEarlyToken = {
    at: Date.now(),
    response: fetch("/api/tableau/token", {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { accept: "application/json" },
    }),
  };
  if (!api || !window.customElements) return settle(false);
  // Anything short of a good token and a defined element leaves the first mount to the component.
  early.response
    .then(function (response) { return response.ok ? response.clone().json() : null; })
    .then(function (body) {
      if (!body || typeof body.token !== "string" || !body.token) return settle(false);
      return customElements.whenDefined("tableau-viz").then(function () { startViz(body.token); });
    })
    .catch(function () { settle(false); });

  function startViz(token) {
    var host = document.querySelector("[${EARLY_HOST_ATTR}]");
    if (!host && document.readyState === "loading") {
      // The token and the library beat the parser to the host: try again once the page is parsed.
      document.addEventListener("DOMContentLoaded", function () { startViz(token); }, { once: true });
      return;
    }
    if (window.__vizportEarlyToken !== early || !host || host.firstChild) return settle(false);
    if (host.hasAttribute("${EARLY_HOST_TAKEN_ATTR}")) return settle(false);
    window.__vizportEarlyToken = undefined;
    var data = host.dataset;
    var viz = document.createElement("tableau-viz");
    var events = viz.${EARLY_EVENTS_PROP} = [];
    ["firstinteractive", "vizloaderror"].forEach(function (type) {
      viz.addEventListener(type, function (event) { events.push(event); });
    });
    viz.setAttribute("src", data.src);
    viz.setAttribute("toolbar", data.toolbar || "bottom");
    viz.setAttribute("device", data.device || "default");
    if (data.hideTabs === "true") viz.setAttribute("hide-tabs", "");
    viz.setAttribute("width", "100%");
    viz.setAttribute("height", "100%");
    var filters = {};
    try { filters = JSON.parse(data.filters || "{}"); } catch (error) {}
    Object.keys(filters).forEach(function (field) {
      if (!Array.isArray(filters[field])) return;
      var filter = document.createElement("viz-filter");
      filter.setAttribute("field", field);
      filter.setAttribute("value", filters[field].join(","));
      viz.appendChild(filter);
    });
    viz.setAttribute("token", token);
    host.appendChild(viz);
    settle(true);
  }
})();
`;

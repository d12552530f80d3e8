/**
 * A tiny classic script the view page runs as soon as the parser reaches it (before the page's own JavaScript
 * has even downloaded, let alone hydrated). It starts the two things the viz waits for:
 * - the embed-token request, leaving the pending response on `window.__vizportEarlyToken`; the viz component
 *   takes it for its first mount only, if young (fetch-embed-token.ts);
 * - when the page names one in `data-embedding-api`, the Tableau server's Embedding API module script, which
 *   defines `<tableau-viz>` by the time React mounts it (load-embedding-api.ts adopts the element).
 * Served by app/viz-token-prefetch.js/route.ts from the portal's own origin, so a strict CSP allows it.
 */
export const TOKEN_PREFETCH_PATH = "/viz-token-prefetch.js";

/** Marks the early Embedding API script, so the loader adopts it instead of adding a second one. */
export const EARLY_EMBEDDING_API_ATTR = "data-vizport-embedding-api";

export const TOKEN_PREFETCH_SCRIPT = `(function () {
  var api = document.currentScript && document.currentScript.getAttribute("data-embedding-api");
  if (api && !document.querySelector("script[${EARLY_EMBEDDING_API_ATTR}]")) {
    var script = document.createElement("script");
    script.type = "module";
    script.src = api;
    script.setAttribute("${EARLY_EMBEDDING_API_ATTR}", "");
    // A failed early load leaves no element behind: the viz's own loader then tries and reports the failure.
    script.onerror = function () { script.remove(); };
    document.head.appendChild(script);
  }
  if (window.__vizportEarlyToken) return;
  window.__vizportEarlyToken = {
    at: Date.now(),
    response: fetch("/api/tableau/token", {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { accept: "application/json" },
    }),
  };
})();
`;

/**
 * A tiny script the view page renders inline (with the request's CSP nonce), so it runs as the parser reaches
 * it, before the page's own JavaScript has downloaded, let alone hydrated. On a direct load only (the document
 * is still being parsed; after a client-side navigation React does not run inline scripts, and the component
 * does it all) it starts the two things the viz waits for:
 * - the embed-token request, leaving the pending response on `window.__vizportEarlyToken`; the viz component
 *   takes it for its first mount only, if young (fetch-embed-token.ts);
 * - when the page names one in `data-embedding-api`, the Tableau server's Embedding API module script, which
 *   defines `<tableau-viz>` by the time React mounts it (load-embedding-api.ts adopts the element).
 * (Creating the `<tableau-viz>` here too, for the component to adopt after hydration, was tried and measured:
 * no gain, since the library's module still runs after the page's own JavaScript. See the README's benchmarks.)
 */

/** Marks the early Embedding API script, so the loader adopts it instead of adding a second one. */
export const EARLY_EMBEDDING_API_ATTR = "data-vizport-embedding-api";

export const TOKEN_PREFETCH_SCRIPT = `(function () {
  if (document.readyState !== "loading") return;
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

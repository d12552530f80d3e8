/**
 * A tiny classic script the view page loads async: it starts the embed-token request as soon as the HTML
 * arrives, while the page's JavaScript is still downloading and hydrating, and leaves the pending response on
 * `window.__vizportEarlyToken`. The viz component takes it for its first mount only, if young
 * (fetch-embed-token.ts). Served by app/viz-token-prefetch.js/route.ts from the portal's own origin.
 */
export const TOKEN_PREFETCH_PATH = "/viz-token-prefetch.js";

export const TOKEN_PREFETCH_SCRIPT = `(function () {
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

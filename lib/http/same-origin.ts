/**
 * Cross-site request check for state-changing or secret-returning routes. Browsers send `Sec-Fetch-Site` and,
 * on POST, `Origin`; either one naming another origin refuses the request. Non-browser clients (scripts, the
 * benchmark) send neither and carry no ambient cookie, so they pass: the session check still applies.
 */
export function isCrossSite(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return origin !== ownOrigin(request);
}

function ownOrigin(request: Request): string {
  // The Host the browser used; behind a reverse proxy the forwarded headers carry it.
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.slice(0, -1);
  return `${proto}://${host}`;
}

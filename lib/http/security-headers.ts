/**
 * The portal's security headers, built per request: the Content-Security-Policy names the configured Tableau
 * server, which is runtime configuration, and carries a fresh script nonce that Next.js reads back from the
 * request's CSP header and puts on its own inline scripts. No `'strict-dynamic'`: the portal's own script tags
 * (the token prefetch) and Tableau's Embedding API are allowed by origin, not by nonce.
 * Free of `server-only` and next/*, so unit tests and the proxy share it.
 */

export interface CspOptions {
  nonce: string;
  /** Origin of the configured Tableau server (`https://host[:port]`), or undefined when the config is invalid. */
  tableauOrigin: string | undefined;
  /** `next dev` needs eval for React's debugging and a websocket for hot reload. */
  dev?: boolean;
}

export function contentSecurityPolicy({ nonce, tableauOrigin, dev = false }: CspOptions): string {
  const tableau = tableauOrigin ? [tableauOrigin] : [];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, ...tableau, ...(dev ? ["'unsafe-eval'"] : [])],
    // React renders `style` attributes; inline styles cannot run code, so they are not worth a nonce here.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", ...tableau],
    "connect-src": ["'self'", ...tableau, ...(dev ? ["ws:"] : [])],
    "frame-src": ["'self'", ...tableau],
    "font-src": ["'self'"],
    "form-action": ["'self'", ...tableau],
    "frame-ancestors": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The origin of a configured server URL, or undefined if it is not an http(s) URL. */
export function originOf(server: string | undefined): string | undefined {
  if (!server) return undefined;
  try {
    const url = new URL(server);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Headers every response carries besides the CSP. Referer stays on (origin only, cross-site): Tableau's
 * embed sign-in checks it against the Connected App's domain allowlist. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** The route handlers' policy: they answer JSON and images, which need no script, style, frame or connection.
 * Auth.js's own error page is plain HTML with an inline style. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** A request id from the caller when it looks like one (bounded, no odd characters), else a fresh UUID. */
export function requestIdFrom(
  header: string | null,
  fresh: () => string = () => crypto.randomUUID(),
): string {
  return header && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : fresh();
}

/** A 128-bit random nonce, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

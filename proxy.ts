/**
 * Runs before every page request and server action. Not before Next's hashed assets or route handlers (/api/*):
 * next.config.ts gives those their static headers, and lib/http/api-route.ts gives route handlers a request id;
 * a page's Content-Security-Policy means nothing to JSON, and the proxy's work would sit on the token route's
 * hot path.
 * - gives each response the security headers, with a per-request Content-Security-Policy whose script nonce
 *   Next.js reads back from the request's CSP header and puts on its own inline scripts;
 * - gives each request an id (`x-request-id`, the caller's if well formed) that the audit log lines carry;
 * - answers 400 to a path with a malformed %-escape, which Next.js's router would turn into a 500;
 * - answers 413 to a page POST (a server action) declaring more than the server actions' body limit;
 * - sends anonymous visitors of pages to the login page, and nothing more: every page, route handler and server
 *   action checks the session itself (lib/auth/session.ts). It only looks for the Auth.js session cookie, so
 *   it needs no secret; a forged or expired cookie gets through here and is turned away by the page.
 *   Not redirected: /login and files with an extension.
 * - renews a live session's cookie now and then, which is what makes the idle timeout (lib/auth/session-refresh.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { renewSessionCookie } from "@/lib/auth/session-refresh";
import { getEnv } from "@/lib/env";
import {
  contentSecurityPolicy,
  newNonce,
  originOf,
  requestIdFrom,
  STATIC_SECURITY_HEADERS,
} from "@/lib/http/security-headers";

// Same as `experimental.serverActions.bodySizeLimit` in next.config.ts. Past it Next.js answers a server action
// with a 500; a declared length over it is refused here with a 413 instead.
const MAX_PAGE_POST_BYTES = 64 * 1024;

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// A view page carries an embed token in its HTML (and in its data for a client-side navigation): never stored
// by anyone, and never compressed, as the token route's answers are not.
const VIEW_PAGE = /^\/views\//;
const VIEW_PAGE_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate, no-transform";
const NOT_REDIRECTED = /^\/(?:_next\/|login|.*\.[a-zA-Z0-9]+$)/;

function hasSessionCookie(request: NextRequest): boolean {
  // Large sessions are split into `<name>.0`, `<name>.1`, …
  return request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

/** A path Next.js cannot decode (e.g. `%ZZ`) would make its router throw a 500; it is a bad request. */
function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function badPath(): NextResponse {
  return NextResponse.json(
    { error: { code: "BAD_PATH", message: "The address has a malformed %-escape." } },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}

function tableauOrigin(): string | undefined {
  try {
    return originOf(getEnv().tableau.server);
  } catch {
    // A bad configuration is reported by the pages and /api/ready; the policy then allows the portal alone.
    return undefined;
  }
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return hasMalformedEscape(request.nextUrl.pathname) ? badPath() : NextResponse.next();
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    tableauOrigin: tableauOrigin(),
    dev: process.env.NODE_ENV === "development",
  });
  const requestId = requestIdFrom(request.headers.get("x-request-id"));

  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  let response: NextResponse;
  if (hasMalformedEscape(pathname)) {
    response = badPath();
  } else if (
    request.method === "POST" &&
    Number(request.headers.get("content-length") ?? "0") > MAX_PAGE_POST_BYTES
  ) {
    response = NextResponse.json(
      { error: { code: "BODY_TOO_LARGE", message: `The form is larger than ${MAX_PAGE_POST_BYTES} bytes.` } },
      { status: 413, headers: { "Cache-Control": "no-store" } },
    );
  } else if (!NOT_REDIRECTED.test(pathname) && !hasSessionCookie(request)) {
    const login = new URL("/login", request.url);
    if (path !== "/") login.searchParams.set("callbackUrl", path);
    response = NextResponse.redirect(login);
  } else {
    const headers = new Headers(request.headers);
    // Lets requireUser() send a visitor with a dead cookie back here after signing in.
    headers.set("x-vizport-path", path);
    headers.set("x-request-id", requestId);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
    const renewed = await renewSessionCookie(request.cookies, request.headers).catch(() => null);
    if (renewed) response.cookies.set(renewed.name, renewed.value, renewed.options);
  }
  if (VIEW_PAGE.test(pathname)) response.headers.set("Cache-Control", VIEW_PAGE_CACHE_CONTROL);
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Route handlers only when the path has a %-escape, to refuse a malformed one (proxy() then does nothing else).
  matcher: ["/((?!_next/static|_next/image|api/).*)", "/api/:rest(.*%.*)"],
};

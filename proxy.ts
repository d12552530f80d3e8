/**
 * Sends anonymous visitors to the login page, and nothing more: every page, route handler and server action
 * checks the session itself (lib/auth/session.ts). It only looks for the Auth.js session cookie, so it needs no
 * secret; a forged or expired cookie gets through here and is turned away by the page.
 * Not matched: /api/* (answers 401 itself), /login, Next's assets and files with an extension.
 */
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function hasSessionCookie(request: NextRequest): boolean {
  // Large sessions are split into `<name>.0`, `<name>.1`, …
  return request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

export function proxy(request: NextRequest): NextResponse {
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (!hasSessionCookie(request)) {
    const login = new URL("/login", request.url);
    if (path !== "/") login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  // Lets requireUser() send a visitor with a dead cookie back here after signing in.
  const headers = new Headers(request.headers);
  headers.set("x-vizport-path", path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|login|_next/static|_next/image|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)"],
};

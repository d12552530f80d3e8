/**
 * Who is asking. Pages use requireUser / requireAdmin (redirect to sign-in, or the 403 page); route handlers
 * pass their request to getCurrentUser, server actions call it bare; both answer 401/403 themselves.
 */
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { findUser } from "@/lib/directory";
import { safeCallbackPath } from "./callback-url";
import { readRequestSession, readSessionCookie } from "./session-cookie";

export type PortalUser = { email: string; name: string; role: "admin" | "viewer" };

/**
 * The signed-in user as the directory knows them now, or null: no session, a dead one (signed out, idle, past
 * its lifetime), or an account that no longer exists. Route handlers pass their request.
 */
export async function getCurrentUser(request?: Request): Promise<PortalUser | null> {
  const session = request ? await readRequestSession(request) : await readSessionCookie();
  if (!session) return null;
  const entry = await findUser(session.email);
  if (!entry) return null;
  return { email: entry.email, name: entry.name, role: entry.role };
}

/** For pages: the signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(): Promise<PortalUser> {
  const user = await getCurrentUser();
  if (user) return user;
  // proxy.ts passes the requested path along; it is only a hint, so it is checked like any callback URL.
  const path = safeCallbackPath((await headers()).get("x-vizport-path"));
  redirect(path === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(path)}`);
}

/** For pages: the signed-in admin; viewers get the 403 page (app/forbidden.tsx). */
export async function requireAdmin(): Promise<PortalUser> {
  const user = await requireUser();
  if (user.role !== "admin") forbidden();
  return user;
}

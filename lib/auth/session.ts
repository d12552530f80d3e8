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

export type PortalUser = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "viewer";
  /** An admin set this account's password: the user must choose their own before anything else. */
  mustChangePassword: boolean;
};

/**
 * The signed-in user as the database knows them now, or null: no session, a dead one (signed out, idle, past
 * its lifetime), or an account that was deleted or disabled since. Route handlers pass their request.
 */
export async function getCurrentUser(request?: Request): Promise<PortalUser | null> {
  const session = request ? await readRequestSession(request) : await readSessionCookie();
  if (!session) return null;
  const entry = await findUser(session.email);
  if (!entry || entry.disabled) return null;
  return {
    id: entry.id,
    email: entry.email,
    name: entry.name,
    role: entry.role,
    mustChangePassword: entry.mustChangePassword,
  };
}

/** The password page, the one page a user whose password an admin set may see until they choose their own. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * For pages: the signed-in user, or a redirect to the login page that comes back here afterwards. A user who
 * must change their password is sent to the password page first.
 */
export async function requireUser(options: { passwordPage?: boolean } = {}): Promise<PortalUser> {
  const user = await getCurrentUser();
  // proxy.ts passes the requested path along; it is only a hint, so it is checked like any callback URL.
  const path = safeCallbackPath((await headers()).get("x-vizport-path"));
  if (user) {
    if (user.mustChangePassword && !options.passwordPage)
      redirect(`${CHANGE_PASSWORD_PATH}${path === "/" ? "" : `?callbackUrl=${encodeURIComponent(path)}`}`);
    return user;
  }
  redirect(path === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(path)}`);
}

/** For pages: the signed-in admin; viewers get the 403 page (app/forbidden.tsx). */
export async function requireAdmin(): Promise<PortalUser> {
  const user = await requireUser();
  if (user.role !== "admin") forbidden();
  return user;
}

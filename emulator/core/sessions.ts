/**
 * REST and embed sessions. A session expires after `sessionIdleMinutes` without use, measured on the
 * emulator's clock (so the control API can move time forward). Expired sessions stay known as expired, so
 * REST can answer 401000 ("expired") rather than 401002 ("invalid"), until a sweep forgets them.
 */
import { randomBytes } from "node:crypto";
import type { EmulatorContext, JwtIdentity, Session } from "./context";

const SWEEP_EVERY = 1000;
let createdSinceSweep = 0;

export function createSession(ctx: EmulatorContext, kind: Session["kind"], identity: JwtIdentity): Session {
  if (++createdSinceSweep >= SWEEP_EVERY) sweepSessions(ctx);
  const now = ctx.now();
  // Tableau's REST tokens are opaque strings; `|` and the site id mimic their look without meaning anything.
  const id =
    kind === "rest"
      ? `${randomBytes(16).toString("base64url")}|${randomBytes(24).toString("base64url")}|${ctx.site.site.id}`
      : randomBytes(24).toString("hex");
  const session: Session = { id, kind, identity, createdAt: now, lastUsedAt: now };
  ctx.state.sessions.set(id, session);
  return session;
}

export type SessionLookup =
  { status: "ok"; session: Session } | { status: "expired"; session: Session } | { status: "missing" };

/** Finds a session and tells expired from unknown; a live session is touched (idle timer restarts). */
export function lookupSession(ctx: EmulatorContext, id: string, kind: Session["kind"]): SessionLookup {
  const session = ctx.state.sessions.get(id);
  if (!session || session.kind !== kind) return { status: "missing" };
  const now = ctx.now();
  if (isExpired(ctx, session, now)) return { status: "expired", session };
  session.lastUsedAt = now;
  return { status: "ok", session };
}

/** The live session with this id and kind, or null (unknown, other kind, or idle-expired). */
export function getSession(ctx: EmulatorContext, id: string, kind: Session["kind"]): Session | null {
  const found = lookupSession(ctx, id, kind);
  return found.status === "ok" ? found.session : null;
}

export function deleteSession(ctx: EmulatorContext, id: string): boolean {
  return ctx.state.sessions.delete(id);
}

/** Marks every session expired (control API): the next use answers as an idle-expired session would. */
export function expireAllSessions(ctx: EmulatorContext): number {
  for (const s of ctx.state.sessions.values()) s.lastUsedAt = Number.NEGATIVE_INFINITY;
  return ctx.state.sessions.size;
}

function isExpired(ctx: EmulatorContext, s: Session, now: number): boolean {
  return now - s.lastUsedAt > ctx.config.sessionIdleMinutes * 60_000;
}

/** Forgets sessions expired for longer than one more idle period, so long benchmarks don't grow memory. */
function sweepSessions(ctx: EmulatorContext): void {
  createdSinceSweep = 0;
  const now = ctx.now();
  const limit = 2 * ctx.config.sessionIdleMinutes * 60_000;
  for (const [id, s] of ctx.state.sessions) if (now - s.lastUsedAt > limit) ctx.state.sessions.delete(id);
}

/**
 * REST sessions: JWT sign-in per Tableau username, cached per site+username until shortly before Tableau would
 * drop them for idleness, with one sign-in in flight per key however many callers ask at once.
 * - Every attempt mints a new token: a JWT's jti is spent once sent, so a resend would be refused as a replay
 *   and the refusal would hide the real cause. A sign-in that failed before any answer, or was answered
 *   502/503/504, is tried once more.
 * - A refused sign-in (a 4xx: wrong secret, unknown user, clock) is remembered for a bounded back-off, doubling
 *   per refusal in a row: callers meanwhile get the same refusal without another sign-in, instead of one per
 *   request while the configuration is wrong.
 * - Sessions live in a SessionStore (session-store.ts): this process's memory, or a store all instances share.
 *   Before signing in, a cache takes the store's lock for the key; a cache that finds it taken waits for the
 *   session the holder stores, so concurrent instances sign one principal in once.
 * Each sign-in's outcome is reported to `onSignIn` for the audit log.
 */
import { TableauError, TableauUnavailableError } from "../errors";
import { send, sendJson, type TransportConfig } from "./http";
import { MemorySessionStore, type SessionStore } from "./session-store";
import { signInResponseSchema } from "./wire";

export interface RestSession {
  token: string;
  siteId: string;
  userId: string;
  username: string;
}

export interface SessionCacheConfig {
  site: string;
  /** Mints a Connected App JWT with the REST scopes for this username. */
  mintToken: (username: string) => Promise<string>;
  now: () => number;
  /** Idle lifetime Tableau grants a session (Server: 240 min; Cloud: 120). */
  idleMs: number;
  /** Renew this long before the idle deadline, so a request never races the expiry. */
  marginMs: number;
  /** Told of every sign-in attempt's outcome; never given a token. */
  onSignIn?: (event: SignInEvent) => void;
  /** First back-off after a refused sign-in, doubling per refusal in a row up to `refusalBackoffMaxMs`. */
  refusalBackoffMs?: number;
  refusalBackoffMaxMs?: number;
  /** Where sessions are kept; default this process's memory. */
  store?: SessionStore;
  /** How long a sign-in may hold the store's lock, and another instance waits for it: default 25 s. */
  lockMs?: number;
}

export interface SignInEvent {
  username: string;
  outcome: "success" | "failure";
  /** 1, or 2 for the retry after a 502/503/504. */
  attempt: number;
  durationMs: number;
  /** On failure: the error's code (a Tableau REST code such as 401001, or e.g. `tableau_unreachable`). */
  code?: string;
  status?: number;
  connectedAppCode?: number;
}

const RETRIED_SIGNIN_STATUSES = new Set([502, 503, 504]);

const LOCK_POLL_MS = 50;

interface Refusal {
  error: unknown;
  /** Refusals in a row. */
  count: number;
  until: number;
}

export class SessionCache {
  private readonly store: SessionStore;
  private readonly inflight = new Map<string, Promise<RestSession>>();
  private readonly refusals = new Map<string, Refusal>();
  /** Sign-in requests sent (successful or not), for tests and benchmarks. */
  signIns = 0;

  constructor(
    private readonly http: TransportConfig,
    private readonly cfg: SessionCacheConfig,
  ) {
    this.store = cfg.store ?? new MemorySessionStore(cfg.now);
  }

  /** A live session for `username`: stored, joined in flight, or freshly signed in. */
  async get(username: string): Promise<RestSession> {
    const key = this.key(username);
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = this.obtain(username).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /** Records that `session` just worked, extending its idle deadline as Tableau does. */
  touch(session: RestSession): void {
    void this.store.touch(this.key(session.username), session, this.ttl());
  }

  /** Drops `session` if it is still the stored one (a concurrent caller may have replaced it already). */
  invalidate(session: RestSession): Promise<void> {
    return this.store.delete(this.key(session.username), session);
  }

  /** Signs out the stored session for `username`, if any. Never throws: the session dies anyway. */
  async signOut(username: string): Promise<boolean> {
    const key = this.key(username);
    const session = await this.store.get(key).catch(() => undefined);
    if (!session) return false;
    await this.store.delete(key, session).catch(() => undefined);
    try {
      await send(this.http, { method: "POST", path: "/auth/signout", token: session.token });
    } catch {
      // An expired or unknown token cannot be signed out and needs nothing more; an unreachable server will
      // expire it on its own.
    }
    return true;
  }

  private async obtain(username: string): Promise<RestSession> {
    const key = this.key(username);
    const stored = await this.store.get(key);
    if (stored) return stored;
    const refusal = this.refusals.get(key);
    if (refusal && this.cfg.now() < refusal.until) throw refusal.error;
    const lockMs = this.cfg.lockMs ?? 25_000;
    const giveUpAt = Date.now() + lockMs;
    for (;;) {
      const release = await this.store.lock(key, lockMs);
      if (release) {
        try {
          // Another instance may have stored one between the read above and the lock.
          return (await this.store.get(key)) ?? (await this.signIn(username));
        } finally {
          await release();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      const theirs = await this.store.get(key);
      if (theirs) return theirs;
      // A holder that died keeps the lock until it expires; past that, sign in regardless.
      if (Date.now() > giveUpAt) return this.signIn(username);
    }
  }

  private async signIn(username: string): Promise<RestSession> {
    const key = this.key(username);
    try {
      const session = await this.attemptSignIn(username, 1).catch((error: unknown) => {
        if (!isWorthRetrying(error)) throw error;
        return this.attemptSignIn(username, 2);
      });
      this.refusals.delete(key);
      return session;
    } catch (error) {
      if (isRefusal(error)) this.rememberRefusal(key, error);
      throw error;
    }
  }

  private rememberRefusal(key: string, error: unknown): void {
    const base = this.cfg.refusalBackoffMs ?? 1_000;
    const max = this.cfg.refusalBackoffMaxMs ?? 30_000;
    const count = (this.refusals.get(key)?.count ?? 0) + 1;
    const delay = Math.min(max, base * 2 ** (count - 1));
    this.refusals.set(key, { error, count, until: this.cfg.now() + delay });
  }

  private async attemptSignIn(username: string, attempt: number): Promise<RestSession> {
    const started = this.cfg.now();
    const report = (event: Omit<SignInEvent, "username" | "attempt" | "durationMs">) =>
      this.cfg.onSignIn?.({ username, attempt, durationMs: this.cfg.now() - started, ...event });
    try {
      const session = await this.requestSignIn(username);
      report({ outcome: "success" });
      return session;
    } catch (error) {
      const { code, status, connectedAppCode } = error as Partial<TableauError>;
      report({
        outcome: "failure",
        code: typeof code === "string" ? code : "internal",
        status,
        connectedAppCode,
      });
      throw error;
    }
  }

  private async requestSignIn(username: string): Promise<RestSession> {
    this.signIns++;
    const jwt = await this.cfg.mintToken(username);
    const body = await sendJson(this.http, {
      method: "POST",
      path: "/auth/signin",
      body: { credentials: { jwt, site: { contentUrl: this.cfg.site } } },
    });
    const parsed = signInResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new TableauUnavailableError("tableau_bad_response", "Tableau's sign-in answer lacked a token.");
    }
    const c = parsed.data.credentials;
    const session = { token: c.token, siteId: c.site.id, userId: c.user.id, username };
    await this.store.set(this.key(username), session, this.ttl());
    return session;
  }

  /** A session is trusted until shortly before Tableau would drop it for idleness. */
  private ttl(): number {
    return this.cfg.idleMs - this.cfg.marginMs;
  }

  private key(username: string): string {
    return `${this.cfg.site}\u0000${username}`;
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof TableauError || error instanceof TableauUnavailableError) return error.status;
  return undefined;
}

/** No answer at all, or a gateway's 502/503/504: no session was made, so a new token may try again. */
function isWorthRetrying(error: unknown): boolean {
  if (RETRIED_SIGNIN_STATUSES.has(statusOf(error) ?? 0)) return true;
  return error instanceof TableauUnavailableError && error.code === "tableau_unreachable" && !error.status;
}

/** Tableau answered and said no: trying again at once would get the same answer. */
function isRefusal(error: unknown): boolean {
  const status = statusOf(error) ?? 0;
  return error instanceof TableauError && status >= 400 && status < 500;
}

/** True when Tableau refused the session itself (expired, signed out, or not allowed): sign in again once. */
export function isSessionRejected(err: unknown): boolean {
  return err instanceof TableauError && err.isSessionRejected;
}

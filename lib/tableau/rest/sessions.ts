/**
 * REST sessions: JWT sign-in per Tableau username, cached per site+username until shortly before Tableau would
 * drop them for idleness, with one sign-in in flight per key however many callers ask at once.
 * - Every attempt mints a new token: a JWT's jti is spent once sent, so a resend would be refused as a replay
 *   and the refusal would hide the real cause. A sign-in that failed before any answer, or was answered
 *   502/503/504, is tried once more.
 * - A refused sign-in (a 4xx: wrong secret, unknown user, clock) is remembered for a bounded back-off, doubling
 *   per refusal in a row: callers meanwhile get the same refusal without another sign-in, instead of one per
 *   request while the configuration is wrong.
 * Each sign-in's outcome is reported to `onSignIn` for the audit log.
 */
import { TableauError, TableauUnavailableError } from "../errors";
import { send, sendJson, type TransportConfig } from "./http";
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

interface Entry {
  session: RestSession;
  /** When the cache stops trusting the session; pushed forward on every successful use. */
  staleAt: number;
}

interface Refusal {
  error: unknown;
  /** Refusals in a row. */
  count: number;
  until: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<RestSession>>();
  private readonly refusals = new Map<string, Refusal>();
  /** Sign-in requests sent (successful or not), for tests and benchmarks. */
  signIns = 0;

  constructor(
    private readonly http: TransportConfig,
    private readonly cfg: SessionCacheConfig,
  ) {}

  /** A live session for `username`: cached, joined in flight, or freshly signed in. */
  async get(username: string): Promise<RestSession> {
    const key = this.key(username);
    const entry = this.entries.get(key);
    if (entry && this.cfg.now() < entry.staleAt) return entry.session;
    const refusal = this.refusals.get(key);
    if (refusal && this.cfg.now() < refusal.until) throw refusal.error;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = this.signIn(username).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /** Records that `session` just worked, extending its idle deadline as Tableau does. */
  touch(session: RestSession): void {
    const entry = this.entries.get(this.key(session.username));
    if (entry && entry.session.token === session.token) entry.staleAt = this.deadline();
  }

  /** Drops `session` if it is still the cached one (a concurrent caller may have replaced it already). */
  invalidate(session: RestSession): void {
    const key = this.key(session.username);
    if (this.entries.get(key)?.session.token === session.token) this.entries.delete(key);
  }

  /** Signs out the cached session for `username`, if any. Never throws: the session dies anyway. */
  async signOut(username: string): Promise<boolean> {
    const key = this.key(username);
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    try {
      await send(this.http, { method: "POST", path: "/auth/signout", token: entry.session.token });
    } catch {
      // An expired or unknown token cannot be signed out and needs nothing more; an unreachable server will
      // expire it on its own.
    }
    return true;
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
    this.entries.set(this.key(username), { session, staleAt: this.deadline() });
    return session;
  }

  private deadline(): number {
    return this.cfg.now() + this.cfg.idleMs - this.cfg.marginMs;
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

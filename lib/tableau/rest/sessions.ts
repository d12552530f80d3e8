/**
 * REST sessions: JWT sign-in per Tableau username, cached per site+username until shortly before Tableau would
 * drop them for idleness, with one sign-in in flight per key however many callers ask at once. A sign-in that
 * Tableau answers 502/503/504 is tried once more with a new token (no session was made, and a JWT's jti is
 * spent); each sign-in's outcome is reported to `onSignIn` for the audit log.
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

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<RestSession>>();
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
    try {
      return await this.attemptSignIn(username, 1);
    } catch (error) {
      if (!RETRIED_SIGNIN_STATUSES.has(statusOf(error) ?? 0)) throw error;
      return this.attemptSignIn(username, 2);
    }
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
      // A network failure before an answer is safe to retry once; any HTTP answer is final.
      networkRetries: 1,
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

/** True when Tableau refused the session itself (expired, signed out, or not allowed): sign in again once. */
export function isSessionRejected(err: unknown): boolean {
  return err instanceof TableauError && err.isSessionRejected;
}

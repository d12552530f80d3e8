/**
 * REST sessions: JWT sign-in per Tableau username, cached per site+username until shortly before Tableau would
 * drop them for idleness, with one sign-in in flight per key however many callers ask at once.
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
}

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

/** True when Tableau refused the session itself (expired, signed out, or not allowed): sign in again once. */
export function isSessionRejected(err: unknown): boolean {
  return err instanceof TableauError && err.isSessionRejected;
}

/**
 * Where REST sessions are kept between requests: in this process by default, or in a store every portal
 * instance shares (the portal's Redis store, lib/store/redis), so one Tableau principal has one REST session
 * across all of them. A session is kept only as long as Tableau keeps it: the cache passes a time to live
 * below Tableau's idle deadline, and pushes it forward on use as Tableau does.
 */
import type { RestSession } from "./sessions";

/** Gives the lock back; never throws. */
export type ReleaseLock = () => Promise<void>;

export interface SessionStore {
  get(key: string): Promise<RestSession | undefined>;
  set(key: string, session: RestSession, ttlMs: number): Promise<void>;
  /** Pushes the time to live of `session` forward, if it is still the stored one. Never throws. */
  touch(key: string, session: RestSession, ttlMs: number): Promise<void>;
  /** Drops the stored session, or only `session` when given and still the stored one. */
  delete(key: string, session?: RestSession): Promise<void>;
  /**
   * The right to sign `key` in, held for at most `ttlMs`, or null while another caller holds it (it will
   * store the session it gets). A store for one process always grants: the cache's own single flight
   * already keeps concurrent callers of the process to one sign-in.
   */
  lock(key: string, ttlMs: number): Promise<ReleaseLock | null>;
}

export class MemorySessionStore implements SessionStore {
  private readonly entries = new Map<string, { session: RestSession; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<RestSession | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.session;
    this.entries.delete(key);
    return undefined;
  }

  async set(key: string, session: RestSession, ttlMs: number): Promise<void> {
    this.entries.set(key, { session, expires: this.now() + ttlMs });
  }

  async touch(key: string, session: RestSession, ttlMs: number): Promise<void> {
    const entry = this.entries.get(key);
    if (entry && entry.session.token === session.token) entry.expires = this.now() + ttlMs;
  }

  async delete(key: string, session?: RestSession): Promise<void> {
    const entry = this.entries.get(key);
    if (entry && (!session || entry.session.token === session.token)) this.entries.delete(key);
  }

  async lock(): Promise<ReleaseLock> {
    return async () => undefined;
  }
}

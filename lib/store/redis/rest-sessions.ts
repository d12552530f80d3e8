/**
 * The Tableau REST session cache shared by every instance (lib/tableau/rest's SessionStore). A session is one
 * key whose time to live the cache sets below Tableau's idle deadline; the value starts with a fingerprint of
 * the token (so "only if still this session" is checked in Redis) followed by the session sealed with a key
 * derived from AUTH_SECRET: a copy of Redis's data holds no usable Tableau token. The sign-in lock is
 * `SET NX PX` with an owner id, given back only by its owner.
 * While Redis cannot answer, this instance keeps its own sessions in memory (and so signs in on its own);
 * it uses Redis again as soon as it answers.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import {
  MemorySessionStore,
  type ReleaseLock,
  type RestSession,
  type SessionStore,
} from "@/lib/tableau/rest";
import type { RedisConnection } from "./connection";

const PREFIX = "vizport:rest-session:";
const LOCK_PREFIX = "vizport:rest-signin-lock:";
/** Pushing the time to live forward is one write per key per instance at most this often. */
const TOUCH_EVERY_MS = 60_000;

export class RedisSessionStore implements SessionStore {
  private readonly local = new MemorySessionStore();
  private readonly key: Buffer;
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly redis: RedisConnection,
    secret: string,
  ) {
    this.key = Buffer.from(hkdfSync("sha256", secret, "vizport", "redis rest sessions", 32));
  }

  async get(key: string): Promise<RestSession | undefined> {
    try {
      const value = await this.redis.run((c) => c.get(PREFIX + key));
      return value ? this.open(value) : undefined;
    } catch {
      return this.local.get(key);
    }
  }

  async set(key: string, session: RestSession, ttlMs: number): Promise<void> {
    await this.local.set(key, session, ttlMs);
    this.touched.set(key, Date.now());
    try {
      await this.redis.run((c) => c.set(PREFIX + key, this.seal(session), { PX: Math.round(ttlMs) }));
    } catch {
      // Kept in memory: this instance goes on with it.
    }
  }

  async touch(key: string, session: RestSession, ttlMs: number): Promise<void> {
    await this.local.touch(key, session, ttlMs);
    const last = this.touched.get(key) ?? 0;
    if (Date.now() - last < TOUCH_EVERY_MS) return;
    this.touched.set(key, Date.now());
    try {
      await this.redis.run((c) => c.expireIfOwned(PREFIX + key, fingerprint(session), Math.round(ttlMs)));
    } catch {
      // The next use tries again.
      this.touched.delete(key);
    }
  }

  async delete(key: string, session?: RestSession): Promise<void> {
    await this.local.delete(key, session);
    this.touched.delete(key);
    try {
      await this.redis.run((c) =>
        session ? c.deleteIfOwned(PREFIX + key, fingerprint(session)) : c.del(PREFIX + key),
      );
    } catch {
      // It expires on its own, and Tableau refuses it if it is used meanwhile (then it is signed in again).
    }
  }

  async lock(key: string, ttlMs: number): Promise<ReleaseLock | null> {
    const owner = randomUUID();
    const lockKey = LOCK_PREFIX + key;
    try {
      const got = await this.redis.run((c) => c.set(lockKey, owner, { NX: true, PX: Math.round(ttlMs) }));
      if (got === null) return null;
    } catch {
      // No shared lock without Redis: this process's single flight is all there is.
      return async () => undefined;
    }
    return async () => {
      await this.redis.run((c) => c.deleteIfOwned(lockKey, owner)).catch(() => undefined);
    };
  }

  private seal(session: RestSession): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(session), "utf8"), cipher.final()]);
    return `${fingerprint(session)}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
  }

  /** The session, or undefined for a value this secret did not seal (another AUTH_SECRET, or tampered). */
  private open(value: string): RestSession | undefined {
    try {
      const raw = Buffer.from(value.slice(value.indexOf(".") + 1), "base64url");
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
      const parsed = JSON.parse(json) as Partial<RestSession>;
      const { token, siteId, userId, username } = parsed;
      if ([token, siteId, userId, username].some((field) => typeof field !== "string")) return undefined;
      return parsed as RestSession;
    } catch {
      return undefined;
    }
  }
}

function fingerprint(session: RestSession): string {
  return createHash("sha256").update(session.token).digest("hex").slice(0, 16);
}

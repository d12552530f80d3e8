/**
 * Revocations shared through Redis, read from a local mirror. Each sign-out is written to Redis (a key that
 * expires when the session would have) and announced on a channel; every instance adds what it hears to its
 * own memory store and, on every (re)connection, reloads all the keys, so it also learns what was revoked
 * while it was cut off. `isRevoked` reads the mirror only: no Redis round trip per request, and while Redis is
 * down every instance still refuses each session revoked before the outage.
 * A sign-out seen while Redis is down is kept on this instance (refused here at once) and written to Redis
 * when it is back, so no sign-out is ever dropped; other instances learn of it then.
 */
import { MemoryRevocationStore, type RevocationStore } from "../revocations";
import type { RedisClient, RedisConnection } from "./connection";

const PREFIX = "vizport:revoked:";
const CHANNEL = "vizport:revocations";

export class RedisRevocationStore implements RevocationStore {
  private readonly mirror: MemoryRevocationStore;
  /** Revoked here while Redis could not take them: session id → until. */
  private readonly pending = new Map<string, number>();
  private readonly subscriber: RedisClient;
  /** Whether the mirror has loaded Redis's revocations once; until then each read asks Redis itself. */
  private synchronised = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly now: () => number = Date.now,
  ) {
    this.mirror = new MemoryRevocationStore(now);
    this.subscriber = redis.subscriber();
    this.subscriber.on("ready", () => void this.listen());
    redis.onReady(() => void this.resynchronise());
  }

  async revoke(sessionId: string, untilMs: number): Promise<void> {
    await this.mirror.revoke(sessionId, untilMs);
    try {
      await this.publish(sessionId, untilMs);
    } catch {
      this.pending.set(sessionId, Math.max(untilMs, this.pending.get(sessionId) ?? 0));
    }
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    if (await this.mirror.isRevoked(sessionId)) return true;
    if (this.synchronised) return false;
    // Just started: the mirror may not hold what other instances revoked before this one existed.
    try {
      return (await this.redis.run((c) => c.exists(`${PREFIX}${sessionId}`))) === 1;
    } catch {
      return false;
    }
  }

  /** Ids this instance revoked that Redis has not stored yet. */
  get unsent(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    this.subscriber.destroy();
  }

  private async publish(sessionId: string, untilMs: number): Promise<void> {
    if (untilMs <= this.now()) return;
    await this.redis.run((c) =>
      c
        .multi()
        .set(`${PREFIX}${sessionId}`, String(untilMs), { PXAT: untilMs })
        .publish(CHANNEL, `${sessionId} ${untilMs}`)
        .exec(),
    );
  }

  private async listen(): Promise<void> {
    try {
      // node-redis resubscribes by itself after a reconnection; subscribing twice to one channel is harmless.
      await this.subscriber.subscribe(CHANNEL, (message) => {
        const [sessionId, until] = message.split(" ");
        if (sessionId && until && /^\d+$/.test(until)) void this.mirror.revoke(sessionId, Number(until));
      });
      // What was published before this subscription existed is in the keys.
      await this.resynchronise();
    } catch {
      // The next "ready" tries again.
    }
  }

  private async resynchronise(): Promise<void> {
    try {
      for (const [sessionId, until] of [...this.pending]) {
        await this.publish(sessionId, until);
        this.pending.delete(sessionId);
      }
      await this.redis.run(async (c) => {
        for await (const keys of c.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 500 })) {
          if (keys.length === 0) continue;
          const values = await c.mGet(keys);
          keys.forEach((key, i) => {
            const until = Number(values[i]);
            if (until > 0) void this.mirror.revoke(key.slice(PREFIX.length), until);
          });
        }
      });
      this.synchronised = true;
    } catch {
      // Redis went away again: the next reconnection resynchronises.
    }
  }
}

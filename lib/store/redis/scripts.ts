/**
 * The Lua scripts the Redis stores run, registered with node-redis's `defineScript` (sent once, then called by
 * SHA). Each runs atomically on the server, so N concurrent callers on any number of instances see one order.
 * Times come from the Redis server's own clock (TIME), not the instances': their clocks may differ.
 * Single-node Redis only: the thumbnail script evicts keys it is not passed (no Redis Cluster slots).
 */
import { defineScript } from "redis";

type Parser = { pushKey(key: string): unknown; push(...args: Array<string | Buffer>): unknown };

const NOW_MS = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * Sliding window over a ZSET of hit times: drop the hits older than the window, count the rest, add one when
 * under the limit (a member of '' only checks). Replies {allowed 0|1, remaining, retryAfterMs}; the wait is
 * until the hit that must leave for one more to fit, as the memory limiter computes it.
 */
export const slidingWindow = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `${NOW_MS}
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  if ARGV[3] == '' then return {1, limit - count, 0} end
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, limit - count - 1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
local wait = tonumber(oldest[2]) + window - now
if wait < 1 then wait = 1 end
return {0, 0, wait}`,
  parseCommand(parser: Parser, key: string, windowMs: number, limit: number, member: string) {
    parser.pushKey(key);
    parser.push(String(windowMs), String(limit), member);
  },
  transformReply: (reply: unknown) => reply as [number, number, number],
});

/** Deletes KEYS[1] only while it still holds ARGV[1] (a lock's owner, a session's fingerprint prefix). */
export const deleteIfOwned = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, string.len(ARGV[1])) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`,
  parseCommand(parser: Parser, key: string, owner: string) {
    parser.pushKey(key);
    parser.push(owner);
  },
  transformReply: (reply: unknown) => reply as number,
});

/** Sets KEYS[1]'s time to live to ARGV[2] ms only while it still holds the prefix ARGV[1]. */
export const expireIfOwned = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, string.len(ARGV[1])) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`,
  parseCommand(parser: Parser, key: string, owner: string, ttlMs: number) {
    parser.pushKey(key);
    parser.push(owner, String(ttlMs));
  },
  transformReply: (reply: unknown) => reply as number,
});

/**
 * A cache entry under a byte budget shared by every instance: KEYS = entry, index (ZSET of entries by expiry),
 * sizes (HASH entry → bytes), total (bytes held). Expired entries leave the books first; then the entries
 * that expire soonest are evicted until the new one fits. Replies 1 when stored, 0 when larger than the budget.
 */
export const setWithinBudget = defineScript({
  NUMBER_OF_KEYS: 4,
  SCRIPT: `${NOW_MS}
local size = string.len(ARGV[1])
local ttl = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
if size > max then return 0 end
local function forget(k)
  local s = redis.call('HGET', KEYS[3], k)
  if s then redis.call('DECRBY', KEYS[4], tonumber(s)) redis.call('HDEL', KEYS[3], k) end
  redis.call('ZREM', KEYS[2], k)
end
for _, k in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do forget(k) end
forget(KEYS[1])
local total = tonumber(redis.call('GET', KEYS[4]) or '0')
while total + size > max do
  local victim = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if not victim then break end
  forget(victim)
  redis.call('DEL', victim)
  total = tonumber(redis.call('GET', KEYS[4]) or '0')
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
redis.call('ZADD', KEYS[2], now + ttl, KEYS[1])
redis.call('HSET', KEYS[3], KEYS[1], size)
redis.call('INCRBY', KEYS[4], size)
return 1`,
  parseCommand(
    parser: Parser,
    keys: [string, string, string, string],
    value: Buffer,
    ttlMs: number,
    max: number,
  ) {
    for (const key of keys) parser.pushKey(key);
    parser.push(value, String(ttlMs), String(max));
  },
  transformReply: (reply: unknown) => reply as number,
});

export const SCRIPTS = { slidingWindow, deleteIfOwned, expireIfOwned, setWithinBudget };

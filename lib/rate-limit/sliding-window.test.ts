import { describe, expect, it } from "vitest";
import { describeWait, retryAfterSeconds, SlidingWindowLimiter } from "./sliding-window";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("SlidingWindowLimiter", () => {
  it("allows `limit` hits in a window, refuses the next and says when to retry", () => {
    const time = clock();
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, now: time.now });
    expect(limiter.take("a").remaining).toBe(2);
    time.advance(10_000);
    limiter.take("a");
    limiter.take("a");
    const refused = limiter.take("a");
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 50_000 });
  });

  it("slides: the oldest hit leaving the window frees one slot, not all", () => {
    const time = clock();
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 60_000, now: time.now });
    limiter.take("a");
    time.advance(30_000);
    limiter.take("a");
    time.advance(30_001);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("does not count refused hits, so a client that keeps knocking is not locked out forever", () => {
    const time = clock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, now: time.now });
    limiter.take("a");
    for (let i = 0; i < 10; i += 1) expect(limiter.take("a").allowed).toBe(false);
    time.advance(1_001);
    expect(limiter.take("a").allowed).toBe(true);
  });

  it("keeps keys apart, and reset forgets one", () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, now: clock().now });
    limiter.record("a");
    expect(limiter.check("a").allowed).toBe(false);
    expect(limiter.check("b").allowed).toBe(true);
    limiter.reset("a");
    expect(limiter.check("a").allowed).toBe(true);
  });

  it("check does not count; record counts even past the limit but stores at most `limit` hits", () => {
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 1_000, now: clock().now });
    limiter.check("a");
    limiter.check("a");
    expect(limiter.check("a").remaining).toBe(2);
    for (let i = 0; i < 5; i += 1) limiter.record("a");
    expect(limiter.check("a").allowed).toBe(false);
  });

  it("bounds memory: past maxKeys the least recently used keys go", () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 60_000, now: clock().now, maxKeys: 100 });
    for (let i = 0; i < 1_000; i += 1) limiter.record(`addr-${i}`);
    expect(limiter.size).toBe(100);
    expect(limiter.check("addr-999").allowed).toBe(false);
    expect(limiter.check("addr-0").allowed).toBe(true);
  });

  it("drops keys whose hits have all expired", () => {
    const time = clock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, now: time.now });
    limiter.record("a");
    time.advance(2_000);
    limiter.check("a");
    expect(limiter.size).toBe(0);
  });
});

describe("wait wording", () => {
  it("rounds up to minutes past a minute, else seconds", () => {
    expect(describeWait(14 * 60_000 + 1)).toBe("15 minutes");
    expect(describeWait(61_000)).toBe("2 minutes");
    expect(describeWait(60_000)).toBe("60 seconds");
    expect(describeWait(1)).toBe("1 second");
    expect(retryAfterSeconds(1_500)).toBe("2");
    expect(retryAfterSeconds(0)).toBe("1");
  });
});

import { describe, expect, it } from "vitest";
import { MemoryLimitStore } from "./limits";
import { MemoryRevocationStore } from "./revocations";

describe("MemoryLimitStore", () => {
  it("lets at most `limit` of many concurrent takes through", async () => {
    const limiter = new MemoryLimitStore().limiter({ name: "t", limit: 5, windowMs: 60_000 });
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => limiter.take("k")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.filter((v) => !v.allowed).every((v) => v.retryAfterMs > 0)).toBe(true);
  });

  it("keeps rules apart by name and keys apart, and forgets a key on reset", async () => {
    const store = new MemoryLimitStore();
    const a = store.limiter({ name: "a", limit: 1, windowMs: 60_000 });
    const b = store.limiter({ name: "b", limit: 1, windowMs: 60_000 });
    expect((await a.take("k")).allowed).toBe(true);
    expect((await a.take("k")).allowed).toBe(false);
    expect((await a.take("other")).allowed).toBe(true);
    expect((await b.take("k")).allowed).toBe(true);
    expect(store.limiter({ name: "a", limit: 1, windowMs: 60_000 })).toBe(a);
    await a.reset("k");
    expect((await a.check("k")).allowed).toBe(true);
  });

  it("slides: a hit leaves the window windowMs after it was taken", async () => {
    let now = 1_000_000;
    const limiter = new MemoryLimitStore(() => now).limiter({ name: "s", limit: 2, windowMs: 10_000 });
    await limiter.take("k");
    now += 6_000;
    await limiter.take("k");
    expect(await limiter.take("k")).toMatchObject({ allowed: false, retryAfterMs: 4_000 });
    now += 4_001;
    expect((await limiter.take("k")).allowed).toBe(true);
  });
});

describe("MemoryRevocationStore", () => {
  it("refuses a revoked id until its time, then forgets it", async () => {
    let now = 1_000;
    const store = new MemoryRevocationStore(() => now);
    await store.revoke("s1", 5_000);
    expect(await store.isRevoked("s1")).toBe(true);
    expect(await store.isRevoked("s2")).toBe(false);
    now = 5_000;
    expect(await store.isRevoked("s1")).toBe(false);
    await store.revoke("s3", 9_000); // sweeps the expired entry
    expect(store.size).toBe(1);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { requestHeaders, usePortalEnv } from "../../test/portal-env";
import type * as DirectoryModule from "../directory";
import type * as AuthorizeModule from "./authorize";

const ALICE = "alice@example.com";
const RIGHT = "vizport-demo";

let authorize: typeof AuthorizeModule.authorizeCredentials;
let directory: typeof DirectoryModule;

beforeEach(async () => {
  usePortalEnv({ VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000" });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  directory = await import("../directory");
  ({ authorizeCredentials: authorize } = await import("./authorize"));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost:3100/api/auth/callback/credentials", { headers: requestHeaders(headers) });

async function attempt(password: string, email: unknown = ALICE, headers?: Record<string, string>) {
  return authorize({ email, password }, request(headers)).then(
    (user) => (user ? "ok" : "rejected"),
    (error: { code?: string }) => (error.code === "rate_limited" ? "limited" : "error"),
  );
}

describe("authorizeCredentials", () => {
  it("signs in with the right password and refuses a wrong one, an unknown account or malformed input", async () => {
    expect(await authorize({ email: " Alice@Example.com ", password: RIGHT }, request())).toMatchObject({
      email: ALICE,
      role: "admin",
    });
    expect(await attempt("wrong")).toBe("rejected");
    expect(await attempt(RIGHT, "nobody@example.com")).toBe("rejected");
    // A JSON body can carry any shape: an array or a number is malformed, never a crash.
    expect(await attempt(RIGHT, [ALICE, "bob@example.com"])).toBe("rejected");
    expect(await attempt(RIGHT, 42)).toBe("rejected");
  });

  it("locks the account after 5 failures: the right password is refused too, with the wait", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt(`wrong-${i}`)).toBe("rejected");
    const error = await authorize({ email: ALICE, password: RIGHT }, request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited" });
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(14 * 60_000);
    // However the e-mail is spelled.
    expect(await attempt(RIGHT, "ALICE@example.com ")).toBe("limited");
    expect(await attempt(RIGHT, "bob@example.com")).toBe("ok");
  });

  it("20 concurrent wrong guesses: at most 5 reach the password check", async () => {
    const verify = vi.spyOn(directory, "verifyPassword");
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`guess-${i}`)));
    expect(outcomes.filter((o) => o === "rejected")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "limited")).toHaveLength(15);
    expect(verify.mock.calls.length).toBeLessThanOrEqual(5);
    expect(await attempt(RIGHT)).toBe("limited");
  });

  it("a success clears the account's failures", async () => {
    for (let i = 0; i < 4; i++) await attempt("wrong");
    expect(await attempt(RIGHT)).toBe("ok");
    for (let i = 0; i < 4; i++) expect(await attempt("wrong")).toBe("rejected");
  });
});

describe("the per-address limit", () => {
  beforeEach(async () => {
    usePortalEnv({ VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "20" });
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    ({ authorizeCredentials: authorize } = await import("./authorize"));
  });

  it("meets a spray of one password across many accounts from one address", async () => {
    const outcomes = [];
    for (let i = 0; i < 25; i++) outcomes.push(await attempt("Spring2026!", `user${i}@example.com`));
    expect(outcomes.slice(0, 20).every((o) => o === "rejected")).toBe(true);
    expect(outcomes.slice(20).every((o) => o === "limited")).toBe(true);
  });

  it("is not dodged by a made-up X-Forwarded-For; another peer address has its own budget", async () => {
    for (let i = 0; i < 20; i++)
      await attempt("wrong", `user${i}@example.com`, { "x-forwarded-for": `198.51.100.${i}` });
    expect(await attempt(RIGHT, "bob@example.com", { "x-forwarded-for": "203.0.113.99" })).toBe("limited");
    expect(await attempt(RIGHT, "bob@example.com", { "x-vizport-peer-address": "192.0.2.10" })).toBe("ok");
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type * as NextHeaders from "../../test/next-headers";
import { usePortalEnv } from "../../test/portal-env";
import type * as LoginModule from "./login-action";

vi.mock("next/headers", () => import("../../test/next-headers"));

let login: typeof LoginModule.login;
// Through the mocked name: vitest keeps one mock instance across module resets, and that is what next-auth gets.
let request: typeof NextHeaders;

beforeEach(async () => {
  usePortalEnv({ VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000" });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  request = (await import("next/headers")) as unknown as typeof NextHeaders;
  request.setRequest();
  ({ login } = await import("./login-action"));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function form(fields: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

/** The login action's answer, or where it redirected (signIn throws Next's redirect on success). */
async function submit(fields: Array<[string, string]>) {
  try {
    return { state: await login({}, form(fields)) };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw error;
  }
}

describe("the login form's action", () => {
  it("signs in and sends the user to a safe callback, never off-site", async () => {
    const ok = await submit([
      ["email", "bob@example.com"],
      ["password", "vizport-demo"],
      ["callbackUrl", "/views/Superstore/Overview"],
    ]);
    expect(ok.redirect).toMatch(/\/views\/Superstore\/Overview$/);
    expect([...request.currentCookies().keys()]).toContain("authjs.session-token");
    const offsite = await submit([
      ["email", "bob@example.com"],
      ["password", "vizport-demo"],
      ["callbackUrl", "https://evil.example/"],
    ]);
    expect(offsite.redirect).not.toContain("evil.example");
  });

  it("gives one message for a wrong password, an unknown account and malformed input", async () => {
    for (const fields of [
      [
        ["email", "bob@example.com"],
        ["password", "nope"],
      ],
      [
        ["email", "nobody@example.com"],
        ["password", "nope"],
      ],
      [
        ["email", "not-an-email"],
        ["password", "nope"],
      ],
      [["password", "nope"]],
    ] as Array<Array<[string, string]>>)
      expect((await submit(fields)).state).toEqual({
        error: "Wrong e-mail or password.",
        email: expect.any(String),
      });
  });

  it("says to wait once the account is locked, even for the right password", async () => {
    for (let i = 0; i < 5; i++)
      await submit([
        ["email", "carol@example.com"],
        ["password", `wrong-${i}`],
      ]);
    const locked = await submit([
      ["email", "carol@example.com"],
      ["password", "vizport-demo"],
    ]);
    expect(locked.state).toEqual({
      error: "Too many sign-in attempts. Try again in 15 minutes.",
      email: "carol@example.com",
    });
  });

  it("reads the first of a duplicated field and checks exactly what it hands on", async () => {
    for (let i = 0; i < 5; i++)
      await submit([
        ["email", "erin@example.com"],
        ["email", `decoy-${i}@example.com`],
        ["password", "wrong"],
      ]);
    // erin took all five failures, so erin is locked: the decoys absorbed nothing.
    const locked = await submit([
      ["email", "erin@example.com"],
      ["password", "vizport-demo"],
    ]);
    expect(locked.state?.error).toMatch(/^Too many sign-in attempts/);
  });
});

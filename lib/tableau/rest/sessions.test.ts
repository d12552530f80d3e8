import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { TableauError } from "../errors";
import { explainTableauError } from "./explain";
import {
  API,
  DEMO_APP,
  control,
  restMinter,
  restSignins,
  startTestEmulator,
  testClient,
} from "../../../test/emulator-fixture";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => control(emu, "POST", "reset"));

describe("REST sign-in and the session cache", () => {
  it("signs in once with a JWT and reuses the session", async () => {
    const client = testClient(emu);
    const session = await client.signIn("alice@example.com");
    expect(session.siteId).not.toBe("");
    expect(session.username).toBe("alice@example.com");
    await client.listWorkbooks("alice@example.com");
    await client.listProjects("alice@example.com");
    expect(await restSignins(emu)).toHaveLength(1);
    expect(client.stats()).toMatchObject({ signIns: 1 });
  });

  it("shares one sign-in among concurrent callers, per user", async () => {
    const client = testClient(emu);
    const calls = Array.from({ length: 8 }, (_, i) =>
      client.listWorkbooks(i % 2 ? "alice@example.com" : "carol@example.com", { pageSize: 1 }),
    );
    const pages = await Promise.all(calls);
    expect(pages.every((p) => p.items.length === 1)).toBe(true);
    const signins = await restSignins(emu);
    expect(signins.map((s) => s.user).sort()).toEqual(["alice@example.com", "carol@example.com"]);
  });

  it("signs in again when its clock says the session has gone idle too long", async () => {
    let now = Date.now();
    const client = testClient(emu, { now: () => now, sessionIdleMinutes: 240, sessionMarginMinutes: 10 });
    await client.listWorkbooks("alice@example.com");
    now += 229 * 60_000;
    await client.listWorkbooks("alice@example.com"); // still cached, and the use pushes the deadline out
    now += 229 * 60_000;
    await client.listWorkbooks("alice@example.com");
    expect(await restSignins(emu)).toHaveLength(1);
    now += 231 * 60_000;
    await client.listWorkbooks("alice@example.com");
    expect(await restSignins(emu)).toHaveLength(2);
  });

  it("signs in again, once and transparently, when Tableau has expired the session", async () => {
    const client = testClient(emu);
    await client.listWorkbooks("alice@example.com");
    await control(emu, "POST", "sessions/expire", {});
    const page = await client.listWorkbooks("alice@example.com");
    expect(page.totalAvailable).toBe(4);
    expect(await restSignins(emu)).toHaveLength(2);
  });

  it("signs out: Tableau forgets the token and the next call signs in afresh", async () => {
    const client = testClient(emu);
    const session = await client.signIn("alice@example.com");
    expect(await client.signOut("alice@example.com")).toBe(true);
    expect(await client.signOut("alice@example.com")).toBe(false);
    const res = await fetch(`${emu.url}/api/${API}/sites/${session.siteId}/workbooks`, {
      headers: { "X-Tableau-Auth": session.token, Accept: "application/json" },
    });
    expect(res.status).toBe(401);
    await client.listWorkbooks("alice@example.com");
    expect(await restSignins(emu)).toHaveLength(2);
  });
});

describe("sign-in errors", () => {
  async function signInError(mint: (u: string) => Promise<string>, user = "alice@example.com") {
    const client = testClient(emu, { mintToken: mint });
    const err = await client.signIn(user).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TableauError);
    return err as TableauError;
  }

  it("a wrong secret value gives 401001 with Connected App code 127", async () => {
    const err = await signInError(restMinter({ ...DEMO_APP, secretValue: "not-the-secret" }));
    expect(err).toMatchObject({ code: "401001", status: 401, connectedAppCode: 127 });
    expect(err.message).not.toContain("not-the-secret");
    const explained = explainTableauError(err, {
      site: "vizport-demo",
      tableauUsername: "alice@example.com",
    });
    expect(explained.code).toBe("tableau_signin_refused");
    expect(explained.message).toContain("127");
    expect(explained.message).toContain("TABLEAU_CA_SECRET");
  });

  it("an unknown client id gives a Connected App code, and a user the site lacks gives one too", async () => {
    const wrongApp = await signInError(
      restMinter({ ...DEMO_APP, clientId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(wrongApp.code).toBe("401001");
    expect(wrongApp.connectedAppCode).toBeTypeOf("number");
    const unknownUser = await signInError(restMinter(), "erin@example.com");
    expect(unknownUser.code).toBe("401001");
    expect([5, 16]).toContain(unknownUser.connectedAppCode);
  });

  it("backs off after a refused sign-in: callers meanwhile get the same refusal without signing in", async () => {
    let now = Date.now();
    const client = testClient(emu, {
      now: () => now,
      mintToken: restMinter({ ...DEMO_APP, secretValue: "wrong" }),
    });
    const first = await client.signIn("alice@example.com").catch((e: unknown) => e);
    expect(first).toMatchObject({ code: "401001", connectedAppCode: 127 });
    // Within the first second: the same refusal, no new sign-in, however many callers.
    const during = await Promise.all(
      Array.from({ length: 5 }, () => client.listWorkbooks("alice@example.com").catch((e: unknown) => e)),
    );
    expect(during.every((e) => e === first)).toBe(true);
    expect(client.stats().signIns).toBe(1);
    now += 1_001;
    await expect(client.signIn("alice@example.com")).rejects.toBeInstanceOf(TableauError);
    expect(client.stats().signIns).toBe(2);
    // The second refusal in a row doubles the wait: still refused from memory after 1.5 s.
    now += 1_500;
    await expect(client.signIn("alice@example.com")).rejects.toBeInstanceOf(TableauError);
    expect(client.stats().signIns).toBe(2);
    now += 600;
    await expect(client.signIn("alice@example.com")).rejects.toBeInstanceOf(TableauError);
    expect(client.stats().signIns).toBe(3);
    // Another user is not held back by alice's refusals.
    await expect(client.signIn("carol@example.com")).rejects.toBeInstanceOf(TableauError);
    expect(client.stats().signIns).toBe(4);
  });

  it("keeps the back-off bounded and forgets it after a success", async () => {
    let now = Date.now();
    let secretValue = "wrong";
    const client = testClient(emu, {
      now: () => now,
      mintToken: (username) => restMinter({ ...DEMO_APP, secretValue })(username),
    });
    for (let i = 0; i < 8; i++) {
      await client.signIn("alice@example.com").catch(() => undefined);
      now += 30_001; // the ceiling: every wait is at most 30 s, however many refusals in a row
    }
    expect(client.stats().signIns).toBe(8);
    secretValue = DEMO_APP.secretValue;
    await expect(client.signIn("alice@example.com")).resolves.toMatchObject({
      username: "alice@example.com",
    });
    expect(client.stats().signIns).toBe(9);
  });

  it("mints a new token for every sign-in attempt, so no jti is sent twice", async () => {
    const client = testClient(emu);
    await client.signIn("alice@example.com");
    await client.signOut("alice@example.com");
    await client.signIn("alice@example.com");
    const jtis = (await restSignins(emu)).map((s) => s.jti);
    expect(jtis).toHaveLength(2);
    expect(new Set(jtis).size).toBe(2);
  });
});

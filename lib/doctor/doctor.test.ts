import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { control, DEMO_APP, startTestEmulator } from "../../test/emulator-fixture";
import type { RunningEmulator } from "../../emulator/server";
import { check, closedPortUrl, demoEnv, expectNoLeak } from "../../test/doctor-fixture";
import { exitCode, formatReport } from "./format";
import { runDoctor } from "./run-doctor";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "POST", "reset");
});

describe("runDoctor against the emulator", () => {
  it("passes every check with the demo settings and exits 0", async () => {
    const report = await runDoctor({ env: demoEnv(emu.url) });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ["config", "pass"],
      ["token", "pass"],
      ["server", "pass"],
      ["clock", "pass"],
      ["version", "pass"],
      ["signin", "pass"],
      ["workbooks", "pass"],
      ["signout", "pass"],
    ]);
    expect(report.ok).toBe(true);
    expect(exitCode(report)).toBe(0);
    const token = check(report, "token").details as {
      header: Record<string, unknown>;
      claims: Record<string, unknown>;
    };
    expect(token.header).toMatchObject({ alg: "HS256", kid: DEMO_APP.secretId, iss: DEMO_APP.clientId });
    expect(token.claims).toMatchObject({
      sub: "alice@example.com",
      aud: "tableau",
      scp: ["tableau:content:read", "tableau:views:download"],
    });
    expect(check(report, "version").summary).toContain("3.28");
    expect(check(report, "workbooks").summary).toMatch(/first: \S/);
    const text = formatReport(report);
    expect(text).toContain("✔ REST sign-in: signed in as alice@example.com");
    expect(text).toContain("All checks passed");
    expectNoLeak(report, DEMO_APP.secretValue);
  });

  it("a wrong secret value fails the sign-in with code 127 and names TABLEAU_CA_SECRET_VALUE", async () => {
    const wrong = "not-the-connected-app-secret-value-123456";
    const report = await runDoctor({ env: { ...demoEnv(emu.url), TABLEAU_CA_SECRET_VALUE: wrong } });
    const signin = check(report, "signin");
    expect(signin.status).toBe("fail");
    expect(signin.reason).toBe("connected_app_127");
    expect(signin.fix).toContain("TABLEAU_CA_SECRET_VALUE");
    expect(signin.advice).toContain("TABLEAU_CA_SECRET_VALUE");
    expect(check(report, "workbooks").status).toBe("skip");
    expect(exitCode(report)).toBe(1);
    expect(formatReport(report)).toContain("✘ REST sign-in");
    expectNoLeak(report, wrong);
    expectNoLeak(report, DEMO_APP.secretValue);
  });

  it("a wrong client id fails the sign-in and names TABLEAU_CA_CLIENT", async () => {
    const report = await runDoctor({
      env: { ...demoEnv(emu.url), TABLEAU_CA_CLIENT: "00000000-0000-4000-8000-000000000000" },
    });
    const signin = check(report, "signin");
    expect(signin.status).toBe("fail");
    expect(signin.reason).toMatch(/^connected_app_(126|10089)$/);
    expect(signin.fix).toEqual(["TABLEAU_CA_CLIENT"]);
    expect(signin.advice).toContain("TABLEAU_CA_CLIENT");
    expect(exitCode(report)).toBe(1);
    expectNoLeak(report, DEMO_APP.secretValue);
  });

  it("an unknown user fails the sign-in with code 5 and names TABLEAU_USERNAME", async () => {
    const report = await runDoctor({ env: { ...demoEnv(emu.url), TABLEAU_USERNAME: "nobody@example.com" } });
    const signin = check(report, "signin");
    expect(signin.status).toBe("fail");
    expect(signin.reason).toBe("connected_app_5");
    expect(signin.fix).toEqual(["TABLEAU_USERNAME"]);
    expect(signin.advice).toContain("nobody@example.com");
    expect(formatReport(report)).toContain("fix: TABLEAU_USERNAME");
    expect(exitCode(report)).toBe(1);
    expectNoLeak(report, DEMO_APP.secretValue);
  });

  it("a server clock an hour behind fails the clock check and the sign-in with code 16", async () => {
    await control(emu, "POST", "clock", { offsetSeconds: -3600 });
    const report = await runDoctor({ env: demoEnv(emu.url) });
    const clock = check(report, "clock");
    expect(clock.status).toBe("fail");
    expect(clock.reason).toBe("clock_skew");
    expect(clock.fix).toEqual(["clock"]);
    expect(clock.advice).toContain("code 16");
    expect((clock.details as { skewSeconds: number }).skewSeconds).toBeGreaterThanOrEqual(3598);
    const signin = check(report, "signin");
    expect(signin.reason).toBe("connected_app_16");
    expect(signin.fix).toContain("clock");
    expect(formatReport(report)).toContain("✘ Clock: local clock is");
    expect(exitCode(report)).toBe(1);
    expectNoLeak(report, DEMO_APP.secretValue);
  });

  it("an unreachable server fails the server check, names TABLEAU_SERVER and skips the rest", async () => {
    const closed = await closedPortUrl();
    const report = await runDoctor({ env: demoEnv(closed), timeoutMs: 3_000 });
    const server = check(report, "server");
    expect(server.status).toBe("fail");
    expect(server.reason).toBe("tableau_unreachable");
    expect(server.fix).toEqual(["TABLEAU_SERVER"]);
    expect(server.advice).toContain(closed);
    expect(
      ["clock", "version", "signin", "workbooks", "signout"].map((id) => check(report, id as "clock").status),
    ).toEqual(["skip", "skip", "skip", "skip", "skip"]);
    expect(formatReport(report)).toContain("fix: TABLEAU_SERVER");
    expect(exitCode(report)).toBe(1);
    expectNoLeak(report, DEMO_APP.secretValue);
  });

  it("a REST version newer than the server's fails the version check", async () => {
    const report = await runDoctor({ env: { ...demoEnv(emu.url), TABLEAU_RESTAPI_VERSION: "3.40" } });
    const version = check(report, "version");
    expect(version.status).toBe("fail");
    expect(version.fix).toEqual(["TABLEAU_RESTAPI_VERSION"]);
    expect(version.summary).toContain("3.28");
    expect(exitCode(report)).toBe(1);
  });

  it("missing variables fail the configuration check by name, without the secret, and skip the rest", async () => {
    const { TABLEAU_SERVER: _server, TABLEAU_CA_CLIENT: _client, ...rest } = demoEnv(emu.url);
    const report = await runDoctor({ env: { ...rest, TABLEAU_CA_SECRET_VALUE: DEMO_APP.secretValue } });
    const config = check(report, "config");
    expect(config.status).toBe("fail");
    expect(config.fix).toEqual(["TABLEAU_SERVER", "TABLEAU_CA_CLIENT"]);
    expect(report.checks.slice(1).every((c) => c.status === "skip")).toBe(true);
    expect(exitCode(report)).toBe(1);
    expectNoLeak(report, DEMO_APP.secretValue);
  });
});

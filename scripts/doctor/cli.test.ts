import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/server";
import { DEMO_APP, startTestEmulator } from "../../test/emulator-fixture";
import { demoEnv } from "../../test/doctor-fixture";
import { loadEnv, parseDotEnv } from "./load-env";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

/** Runs `npx tsx scripts/doctor.ts <args>` with only PATH/HOME and the given variables in its environment. */
function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/doctor.ts", ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("doctor CLI", () => {
  it("--json prints one JSON document and exits 0 against the emulator", async () => {
    const { code, stdout } = await runCli(["--json"], demoEnv(emu.url));
    const report = JSON.parse(stdout) as { ok: boolean; checks: { id: string; status: string }[] };
    expect(report.ok).toBe(true);
    expect(report.checks).toHaveLength(8);
    expect(code).toBe(0);
    expect(stdout).not.toContain(DEMO_APP.secretValue);
    expect(stdout).not.toContain("eyJ");
  }, 30_000);

  it("exits 1 with the fix printed when the secret value is wrong", async () => {
    const wrong = "a-wrong-secret-value-for-the-cli-test-0001";
    const { code, stdout } = await runCli([], { ...demoEnv(emu.url), TABLEAU_CA_SECRET_VALUE: wrong });
    expect(code).toBe(1);
    expect(stdout).toContain("✘ REST sign-in");
    expect(stdout).toContain("fix: TABLEAU_CA_SECRET_VALUE");
    expect(stdout).not.toContain(wrong);
    expect(stdout).not.toContain("eyJ");
  }, 30_000);
});

it("answers an unknown flag with usage and exit 2, no stack trace", async () => {
  const { code, stdout, stderr } = await runCli(["--jsn"], {});
  expect(code).toBe(2);
  expect(stdout).toBe("");
  expect(stderr).toContain("Usage: npm run doctor");
  expect(stderr).not.toMatch(/\n\s+at /);
}, 30_000);

describe("loadEnv", () => {
  it("reads .env.local under the environment, which wins", () => {
    const dir = mkdtempSync(join(tmpdir(), "doctor-env-"));
    try {
      const file = join(dir, ".env.local");
      writeFileSync(
        file,
        '# comment\nTABLEAU_SITENAME=\nTABLEAU_SERVER="http://a:1"\nTABLEAU_USERNAME=x # note\n',
      );
      expect(loadEnv(file, { TABLEAU_USERNAME: "from-shell" })).toEqual({
        TABLEAU_SITENAME: "",
        TABLEAU_SERVER: "http://a:1",
        TABLEAU_USERNAME: "from-shell",
      });
      expect(loadEnv(join(dir, "missing"), { A: "1" })).toEqual({ A: "1" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("parses export, quotes and values holding =", () => {
    expect(parseDotEnv("export A='x=y'\nB = 2\nnot a line\n")).toEqual({ A: "x=y", B: "2" });
  });
});

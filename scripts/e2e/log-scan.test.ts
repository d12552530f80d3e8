import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findSecrets, scanLogDir } from "./log-scan";

const KNOWN = { "the Connected App secret": ["planted-secret-value-0123456789"] };
const JWT =
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSJ9.dGhpcy1pcy1ub3QtYS1yZWFsLXNpZ25hdHVyZQ";

describe("findSecrets", () => {
  it("finds each planted secret by line and kind, without repeating the secret", () => {
    const text = [
      '{"event":"token.mint","jtiHash":"0a1b2c3d"}',
      `{"event":"oops","detail":"secret planted-secret-value-0123456789"}`,
      `Authorization: Bearer ${JWT}`,
      "set-cookie: workgroup_session_id=abcdefgh12345678; Path=/",
      "cookie: authjs.session-token.0=ZXlKaGJHY2lPaUprYVhJaUxDSmxibU1p",
      "X-Tableau-Auth: 4Jm1xYzAbC|defghijk|site",
      '{"email":"alice@example.com","password":"vizport-demo"}',
    ].join("\n");
    const findings = findSecrets("portal.log", text, KNOWN);
    expect(findings.map((f) => [f.line, f.kind])).toEqual([
      [2, "the Connected App secret"],
      [3, "a JWT"],
      [4, "a Tableau session cookie"],
      [5, "an Auth.js session cookie"],
      [6, "a REST credentials token"],
      [7, "a password value"],
    ]);
    expect(JSON.stringify(findings)).not.toContain("planted-secret-value");
  });

  it("passes the portal's real audit lines", () => {
    const audit = [
      '{"time":"2026-11-28T19:22:45.106Z","event":"tableau.rest_signin","requestId":"040d1ac8","user":"alice@example.com","tableauUser":"alice@example.com","outcome":"success","attempt":1,"durationMs":38}',
      '{"event":"auth.signin","user":"alice@example.com","outcome":"rejected","reason":"wrong_password"}',
      "GET /t/vizport-demo/views/Superstore/SalesbyRegion 200",
    ].join("\n");
    expect(findSecrets("portal.log", audit, KNOWN)).toEqual([]);
  });
});

describe("scanLogDir", () => {
  const dir = mkdtempSync(join(tmpdir(), "vizport-log-scan-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads every .log file and reports findings per file", () => {
    writeFileSync(join(dir, "clean.log"), '{"event":"ok"}\n');
    writeFileSync(join(dir, "leaky.log"), `line one\ntoken ${JWT}\n`);
    writeFileSync(join(dir, "notes.txt"), `ignored ${JWT}\n`);
    const { files, findings } = scanLogDir(dir, KNOWN);
    expect(files.sort()).toEqual(["clean.log", "leaky.log"]);
    expect(findings).toEqual([{ file: "leaky.log", line: 2, kind: "a JWT" }]);
  });

  it("finds nothing, and reads nothing, when the folder is missing", () => {
    expect(scanLogDir(join(dir, "missing"), KNOWN)).toEqual({ files: [], findings: [] });
  });
});

import { describe, expect, it } from "vitest";
import { describeConnectedAppError, KNOWN_CONNECTED_APP_CODES } from "../tableau/embed-errors";
import { TableauError, TableauUnavailableError } from "../tableau/errors";
import { failedRestCheck } from "./advice";
import type { TableauConfig } from "./config";

const config: TableauConfig = {
  server: "https://tableau.example.com",
  site: "finance",
  apiVersion: "3.28",
  username: "ops@example.com",
  clientId: "client",
  secretId: "secret-id",
  secretValue: "secret-value-that-must-not-appear",
};

const refused = (code: number) =>
  new TableauError({
    code: "401001",
    summary: "Signin Error",
    detail: `Failed to sign in with the JWT (${code})`,
    status: 401,
  });

describe("failedRestCheck", () => {
  it.each(KNOWN_CONNECTED_APP_CODES.map((code) => [code]))(
    "Connected App code %i gets describeConnectedAppError's advice and a setting to fix",
    (code) => {
      const check = failedRestCheck("signin", "REST sign-in", "sign-in", refused(code), config);
      expect(check.status).toBe("fail");
      expect(check.reason).toBe(`connected_app_${code}`);
      expect(check.advice).toBe(
        describeConnectedAppError(code, {
          server: config.server,
          site: config.site,
          tableauUsername: config.username,
        }).adminMessage,
      );
      expect(check.fix?.length).toBeGreaterThan(0);
      expect(JSON.stringify(check)).not.toContain(config.secretValue);
    },
  );

  it("points each credential code at its variable", () => {
    const fix = (code: number) => failedRestCheck("signin", "", "sign-in", refused(code), config).fix;
    expect(fix(127)).toEqual(["TABLEAU_CA_SECRET_VALUE", "TABLEAU_CA_SECRET_ID"]);
    expect(fix(10085)).toEqual(["TABLEAU_CA_SECRET_ID"]);
    expect(fix(126)).toEqual(["TABLEAU_CA_CLIENT"]);
    expect(fix(10089)).toEqual(["TABLEAU_CA_CLIENT"]);
    expect(fix(5)).toEqual(["TABLEAU_USERNAME"]);
    expect(fix(16)).toContain("clock");
  });

  it("an unknown code still fails with the code named and the Connected App settings to check", () => {
    const check = failedRestCheck("signin", "REST sign-in", "sign-in", refused(4242), config);
    expect(check.summary).toContain("4242");
    expect(check.advice).toContain("4242");
    expect(check.fix).toEqual(["TABLEAU_CA_CLIENT", "TABLEAU_CA_SECRET_ID", "TABLEAU_CA_SECRET_VALUE"]);
  });

  it("an unreachable server names TABLEAU_SERVER", () => {
    const err = new TableauUnavailableError("tableau_unreachable", "connection refused");
    const check = failedRestCheck("signin", "REST sign-in", "sign-in", err, config);
    expect(check.fix).toEqual(["TABLEAU_SERVER"]);
    expect(check.advice).toContain("TABLEAU_SERVER");
  });
});

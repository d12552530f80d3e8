import { describe, expect, it } from "vitest";
import { VALID_ENV } from "../test/valid-env";
import { ConfigError, parseEnv } from "./env-schema";

const OIDC = {
  AUTH_OIDC_ISSUER: "https://login.example.com/realms/main",
  AUTH_OIDC_ID: "vizport",
  AUTH_OIDC_SECRET: "a-client-secret-from-the-provider-0001",
};

function issues(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("single sign-on settings", () => {
  it("are off by default, with the password form on", () => {
    expect(parseEnv(VALID_ENV).sso).toEqual({
      oidc: null,
      localAccounts: true,
      rulesFile: null,
      timeoutSeconds: 10,
    });
  });

  it("read the provider, its name and scopes, the rules file and the timeout", () => {
    const env = parseEnv({
      ...VALID_ENV,
      ...OIDC,
      AUTH_OIDC_NAME: "Corp SSO",
      AUTH_OIDC_SCOPES: "openid email profile groups groups",
      VIZPORT_LOCAL_ACCOUNTS: "false",
      VIZPORT_SSO_RULES_FILE: "data/sso-rules.json",
      VIZPORT_SSO_TIMEOUT_SECONDS: "3",
    });
    expect(env.sso).toEqual({
      oidc: {
        issuer: OIDC.AUTH_OIDC_ISSUER,
        clientId: "vizport",
        clientSecret: OIDC.AUTH_OIDC_SECRET,
        name: "Corp SSO",
        scopes: ["openid", "email", "profile", "groups"],
      },
      localAccounts: false,
      rulesFile: "data/sso-rules.json",
      timeoutSeconds: 3,
    });
    expect(parseEnv({ ...VALID_ENV, ...OIDC }).sso.oidc).toMatchObject({
      name: "single sign-on",
      scopes: ["openid", "email", "profile"],
    });
  });

  it("refuse a half-configured provider, naming each variable and never the secret", () => {
    const found = issues({ ...VALID_ENV, AUTH_OIDC_ISSUER: OIDC.AUTH_OIDC_ISSUER });
    expect(found).toEqual([
      "AUTH_OIDC_ID is required with AUTH_OIDC_ISSUER",
      "AUTH_OIDC_SECRET is required with AUTH_OIDC_ISSUER",
    ]);
    const noIssuer = issues({ ...VALID_ENV, AUTH_OIDC_SECRET: OIDC.AUTH_OIDC_SECRET });
    expect(noIssuer).toEqual(["AUTH_OIDC_ISSUER is required with AUTH_OIDC_SECRET"]);
    expect(noIssuer.join()).not.toContain(OIDC.AUTH_OIDC_SECRET);
  });

  it("refuse bad values", () => {
    expect(issues({ ...VALID_ENV, ...OIDC, AUTH_OIDC_ISSUER: "login.example.com" })[0]).toMatch(
      /^AUTH_OIDC_ISSUER must be the provider's issuer URL/,
    );
    expect(issues({ ...VALID_ENV, ...OIDC, AUTH_OIDC_SCOPES: "email profile" })).toEqual([
      'AUTH_OIDC_SCOPES must include "openid"',
    ]);
    expect(issues({ ...VALID_ENV, ...OIDC, VIZPORT_LOCAL_ACCOUNTS: "no" })).toEqual([
      "VIZPORT_LOCAL_ACCOUNTS must be true or false",
    ]);
    expect(issues({ ...VALID_ENV, ...OIDC, VIZPORT_SSO_TIMEOUT_SECONDS: "0" })).toEqual([
      "VIZPORT_SSO_TIMEOUT_SECONDS must be at least 1",
    ]);
  });

  it("refuse turning the password form off when there is no single sign-on: nobody could sign in", () => {
    expect(issues({ ...VALID_ENV, VIZPORT_LOCAL_ACCOUNTS: "false" })).toEqual([
      "VIZPORT_LOCAL_ACCOUNTS may be false only with single sign-on (AUTH_OIDC_ISSUER): nobody could sign in",
    ]);
  });
});

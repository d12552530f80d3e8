import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { E2E_AUTH_SECRET } from "../../e2e/servers";
import { TEST_AUTH_SECRET } from "../../test/valid-env";
import { DEMO_CLIENT_SECRET } from "../../scripts/oidc-provider/cli-args";
import { DEMO_PASSWORD, isPublishedAuthSecret, isPublishedOidcSecret } from "./published-secrets";

describe("published secrets", () => {
  it("knows every AUTH_SECRET the repository publishes", () => {
    const example = /^AUTH_SECRET=(.+)$/m.exec(readFileSync(".env.local.example", "utf8"))?.[1];
    expect(example).toBeTruthy();
    for (const value of [example ?? "", E2E_AUTH_SECRET, TEST_AUTH_SECRET])
      expect(isPublishedAuthSecret(value)).toBe(true);
    expect(isPublishedAuthSecret("an-operator-generated-session-secret-00000001")).toBe(false);
  });

  it("knows the demo identity provider's client secret", () => {
    expect(isPublishedOidcSecret(DEMO_CLIENT_SECRET)).toBe(true);
    expect(isPublishedOidcSecret("a-client-secret-issued-by-a-real-provider-01")).toBe(false);
  });

  it("names the password the README gives the demo accounts", () => {
    expect(readFileSync("README.md", "utf8")).toContain(`password \`${DEMO_PASSWORD}\``);
  });
});

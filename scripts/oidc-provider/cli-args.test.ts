import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_SECRET, parseSettings, UsageError } from "./cli-args";

describe("parseSettings", () => {
  it("defaults to the demo: port 8950, client vizport, the portal on :3000", () => {
    expect(parseSettings([], {})).toEqual({
      port: 8950,
      clientId: "vizport",
      clientSecret: DEMO_CLIENT_SECRET,
      redirectUris: ["http://localhost:3000/api/auth/callback/oidc"],
      postLogoutRedirectUris: ["http://localhost:3000/login"],
      peopleFile: "data/sso-people.demo.json",
      log: false,
      help: false,
    });
  });

  it("takes the environment, and flags over it", () => {
    const env = {
      OIDC_PROVIDER_PORT: "9100",
      OIDC_PROVIDER_CLIENT_ID: "from-env",
      OIDC_PROVIDER_REDIRECT_URIS: "http://localhost:3100/api/auth/callback/oidc, http://localhost:3101/cb",
    };
    const settings = parseSettings(
      ["--client-id", "from-flag", "--post-logout-redirect-uri", "http://a.test/x"],
      env,
    );
    expect(settings.port).toBe(9100);
    expect(settings.clientId).toBe("from-flag");
    expect(settings.redirectUris).toEqual([
      "http://localhost:3100/api/auth/callback/oidc",
      "http://localhost:3101/cb",
    ]);
    expect(settings.postLogoutRedirectUris).toEqual(["http://a.test/x"]);
    const repeated = parseSettings(
      ["--redirect-uri", "http://a.test/1", "--redirect-uri", "http://a.test/2"],
      env,
    );
    expect(repeated.redirectUris).toEqual(["http://a.test/1", "http://a.test/2"]);
  });

  it.each([
    [["--port", "http"], "--port must be a whole number"],
    [["--port", "70000"], "--port must be at most 65535"],
    [["--redirect-uri", "javascript:alert(1)"], "--redirect-uri must be an http(s) URL"],
    [["--redirect-uri", "http://a.test/cb#x"], "--redirect-uri must not hold a fragment"],
    [["--client-secret", "short"], "--client-secret must be 16 characters or more"],
    [["--colour"], "Unknown option '--colour'"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseSettings(argv, {})).toThrow(UsageError);
    expect(() => parseSettings(argv, {})).toThrow(message);
  });

  it("never repeats a secret in its messages", () => {
    let message = "";
    try {
      parseSettings(["--client-secret", "tiny-secret"], {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("--client-secret");
    expect(message).not.toContain("tiny-secret");
  });
});

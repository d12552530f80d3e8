import { describe, expect, it } from "vitest";
import { TEST_AUTH_SECRET, TEST_CA_SECRET, VALID_ENV } from "../test/valid-env";
import { ConfigError, parseEnv } from "./env-schema";

const SECRET = TEST_CA_SECRET;
const AUTH_SECRET = TEST_AUTH_SECRET;
const valid = VALID_ENV;

function configError(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseEnv", () => {
  it("maps the sample's variables and applies defaults", () => {
    const env = parseEnv({ ...valid, TABLEAU_SERVER: "https://tableau.example.com/" });
    expect(env.tableau).toEqual({
      server: "https://tableau.example.com",
      site: "vizport-demo",
      apiVersion: "3.28",
      username: "alice@example.com",
      clientId: valid.TABLEAU_CA_CLIENT,
      secretId: valid.TABLEAU_CA_SECRET_ID,
      secretValue: SECRET,
    });
    expect(env.authSecret).toBe(AUTH_SECRET);
    expect(env.database).toEqual({ kind: "sqlite", file: "data/vizport.db" });
    expect(env).toMatchObject({
      demo: false,
      trustedProxyHops: 0,
      session: { maxAgeSeconds: 8 * 3600, idleSeconds: 3600 },
    });
    expect(env.tokenLifetimeSeconds).toBe(300);
    expect(env.embedLibrary).toBe("server");
    expect(env.vizTimeoutSeconds).toBe(20);
    expect(env.tableauTimeoutSeconds).toBe(10);
    expect(env.embedScopes).toEqual(["tableau:views:embed"]);
    expect(env.benchPeerPage).toBe(false);
    expect(env.rateLimits).toEqual({
      signInFailuresPerAccount: 5,
      signInAttemptsPerAddress: 20,
      signInWindowSeconds: 900,
      tokenRequestsPerMinute: 30,
    });
  });

  it("reads the rate limits and refuses one that is not a positive whole number", () => {
    const env = parseEnv({
      ...valid,
      VIZPORT_SIGNIN_FAILURES_PER_ACCOUNT: "10",
      VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "500",
      VIZPORT_SIGNIN_WINDOW_SECONDS: "60",
      VIZPORT_TOKEN_REQUESTS_PER_MINUTE: "120",
    });
    expect(env.rateLimits).toEqual({
      signInFailuresPerAccount: 10,
      signInAttemptsPerAddress: 500,
      signInWindowSeconds: 60,
      tokenRequestsPerMinute: 120,
    });
    const error = configError({
      ...valid,
      VIZPORT_TOKEN_REQUESTS_PER_MINUTE: "0",
      VIZPORT_SIGNIN_WINDOW_SECONDS: "x",
    });
    expect(error.issues).toEqual([
      "VIZPORT_SIGNIN_WINDOW_SECONDS must be a whole number of seconds from 1 to 86400",
      "VIZPORT_TOKEN_REQUESTS_PER_MINUTE must be at least 1",
    ]);
  });

  it("reads the optional settings", () => {
    const env = parseEnv({
      ...valid,
      TABLEAU_SITENAME: "",
      VIZPORT_DATABASE_FILE: "/var/lib/vizport/vizport.db",
      VIZPORT_DEMO: "1",
      VIZPORT_TRUSTED_PROXY_HOPS: "2",
      VIZPORT_SESSION_MAX_HOURS: "12",
      VIZPORT_SESSION_IDLE_MINUTES: "15",
      VIZPORT_TOKEN_LIFETIME_SECONDS: "600",
      VIZPORT_EMBED_LIBRARY: "bundled",
      VIZPORT_VIZ_TIMEOUT_SECONDS: "45",
      VIZPORT_TABLEAU_TIMEOUT_SECONDS: "30",
      VIZPORT_EMBED_SCOPES: "tableau:views:embed, tableau:insights:embed",
      VIZPORT_BENCH_PEER_PAGE: "1",
    });
    expect(env.tableau.site).toBe("");
    expect(env.database).toEqual({ kind: "sqlite", file: "/var/lib/vizport/vizport.db" });
    expect(env).toMatchObject({
      demo: true,
      trustedProxyHops: 2,
      session: { maxAgeSeconds: 12 * 3600, idleSeconds: 900 },
    });
    expect(
      parseEnv({ ...valid, DATABASE_URL: "postgres://vizport:pw@db.example.com:5432/vizport" }).database,
    ).toEqual({
      kind: "postgres",
      url: "postgres://vizport:pw@db.example.com:5432/vizport",
    });
    expect(env.tokenLifetimeSeconds).toBe(600);
    expect(env.embedLibrary).toBe("bundled");
    expect(env.vizTimeoutSeconds).toBe(45);
    expect(env.tableauTimeoutSeconds).toBe(30);
    expect(env.embedScopes).toEqual(["tableau:views:embed", "tableau:insights:embed"]);
    expect(env.benchPeerPage).toBe(true);
  });

  it("refuses a bad database URL, proxy count or session length by name, never echoing the value", () => {
    const error = configError({
      ...valid,
      DATABASE_URL: "mysql://root:hunter2@db/x",
      VIZPORT_TRUSTED_PROXY_HOPS: "-1",
      VIZPORT_SESSION_MAX_HOURS: "1",
      VIZPORT_SESSION_IDLE_MINUTES: "90",
      VIZPORT_DEMO: "yes",
    });
    expect(error.issues.map((issue) => issue.split(" ")[0])).toEqual([
      "DATABASE_URL",
      "VIZPORT_DEMO",
      "VIZPORT_TRUSTED_PROXY_HOPS",
    ]);
    expect(error.message).not.toContain("hunter2");
    const lengths = configError({
      ...valid,
      VIZPORT_SESSION_MAX_HOURS: "1",
      VIZPORT_SESSION_IDLE_MINUTES: "90",
    });
    expect(lengths.issues).toEqual([
      "VIZPORT_SESSION_IDLE_MINUTES must not be longer than VIZPORT_SESSION_MAX_HOURS",
    ]);
  });

  it("names every missing variable in one error", () => {
    const error = configError({});
    expect(error.code).toBe("CONFIG_INVALID");
    for (const name of [...Object.keys(valid)]) {
      expect(error.issues.some((issue) => issue.startsWith(`${name} `))).toBe(true);
      expect(error.message).toContain(name);
    }
    expect(error.issues).toHaveLength(Object.keys(valid).length);
  });

  it("treats blank values as missing, except the site name", () => {
    const error = configError({ ...valid, TABLEAU_CA_CLIENT: "  ", AUTH_SECRET: "" });
    expect(error.issues).toEqual(["TABLEAU_CA_CLIENT is required", "AUTH_SECRET is required"]);
  });

  it.each([
    ["TABLEAU_SERVER", "localhost:8900"],
    ["TABLEAU_SERVER", "ftp://tableau.example.com"],
    ["TABLEAU_SERVER", "https://tableau.example.com/#/site/x"],
    ["TABLEAU_SITENAME", "my site"],
    ["TABLEAU_RESTAPI_VERSION", "3.9"],
    ["TABLEAU_RESTAPI_VERSION", "latest"],
    ["AUTH_SECRET", "too-short"],
    ["VIZPORT_TOKEN_LIFETIME_SECONDS", "601"],
    ["VIZPORT_TOKEN_LIFETIME_SECONDS", "0"],
    ["VIZPORT_TOKEN_LIFETIME_SECONDS", "5m"],
    ["VIZPORT_EMBED_LIBRARY", "cdn"],
    ["VIZPORT_VIZ_TIMEOUT_SECONDS", "-1"],
    ["VIZPORT_TABLEAU_TIMEOUT_SECONDS", "121"],
    ["VIZPORT_EMBED_SCOPES", "views:embed"],
    ["VIZPORT_BENCH_PEER_PAGE", "yes"],
  ])("refuses a bad %s (%s) by name", (name, value) => {
    const error = configError({ ...valid, [name]: value });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.startsWith(`${name} `)).toBe(true);
  });

  it("reads the shared store and cache settings, memory and 30 s by default", () => {
    const defaults = parseEnv(valid);
    expect(defaults.redisUrl).toBeNull();
    expect(defaults.caches).toEqual({ catalogSeconds: 30, thumbnailBytes: 32 * 1024 * 1024 });
    const env = parseEnv({
      ...valid,
      REDIS_URL: "rediss://vizport:pw@cache.internal:6380/2",
      VIZPORT_CATALOG_CACHE_SECONDS: "0",
      VIZPORT_THUMBNAIL_CACHE_MB: "8",
    });
    expect(env.redisUrl).toBe("rediss://vizport:pw@cache.internal:6380/2");
    expect(env.caches).toEqual({ catalogSeconds: 0, thumbnailBytes: 8 * 1024 * 1024 });
    expect(parseEnv({ ...valid, REDIS_URL: " " }).redisUrl).toBeNull();
  });

  it.each(["http://localhost:6379", "localhost:6379", "redis://", "redis://h:6379/db", "redis://h/123"])(
    "refuses REDIS_URL %s without repeating it",
    (value) => {
      const error = configError({ ...valid, REDIS_URL: value });
      expect(error.issues).toEqual([
        "REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://localhost:6379 (a database number may follow)",
      ]);
    },
  );

  it("never repeats a REDIS_URL's password", () => {
    const error = configError({ ...valid, REDIS_URL: "redis://u:hunter2-marker@/0" });
    expect(error.message).not.toContain("hunter2-marker");
  });

  it("lists several bad variables together", () => {
    const error = configError({ ...valid, TABLEAU_SERVER: "nope", VIZPORT_EMBED_LIBRARY: "cdn" });
    expect(error.issues.map((issue) => issue.split(" ")[0])).toEqual([
      "TABLEAU_SERVER",
      "VIZPORT_EMBED_LIBRARY",
    ]);
  });

  it("never echoes a value, secret or not", () => {
    const badSecret = "s3cr3t-value-that-must-not-leak";
    const error = configError({
      ...valid,
      TABLEAU_SERVER: "not a url with-a-marker-x1",
      AUTH_SECRET: badSecret.slice(0, 20),
      TABLEAU_CA_SECRET_VALUE: "   ",
      VIZPORT_TOKEN_LIFETIME_SECONDS: "marker-9000",
    });
    expect(error.message).not.toContain(badSecret.slice(0, 20));
    expect(error.message).not.toContain("with-a-marker-x1");
    expect(error.message).not.toContain("marker-9000");
    expect(error.message).not.toContain(SECRET);
  });
});

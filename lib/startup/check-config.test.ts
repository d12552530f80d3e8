import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const SECRET = "a-connected-app-secret-that-must-never-be-printed";

beforeEach(() => {
  vi.resetModules();
  vi.unstubAllEnvs();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("checkConfigOrExit", () => {
  it("stops start-up with exit code 1 and one message naming the bad variables, never a value", async () => {
    vi.stubEnv("TABLEAU_SERVER", "not-a-url");
    vi.stubEnv("TABLEAU_CA_SECRET_VALUE", SECRET);
    vi.stubEnv("AUTH_SECRET", "short");
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { checkConfigOrExit } = await import("./check-config");

    expect(() => checkConfigOrExit()).toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    expect(printed).toHaveBeenCalledTimes(1);
    const message = String(printed.mock.calls[0]?.[0]);
    expect(message).toMatch(/^Vizport cannot start\./);
    expect(message).toContain("TABLEAU_SERVER");
    expect(message).toContain("AUTH_SECRET");
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain("not-a-url");
  });

  it("returns quietly when the configuration is valid", async () => {
    vi.stubEnv("TABLEAU_SERVER", "http://localhost:8900");
    vi.stubEnv("TABLEAU_SITENAME", "vizport-demo");
    vi.stubEnv("TABLEAU_RESTAPI_VERSION", "3.28");
    vi.stubEnv("TABLEAU_USERNAME", "alice@example.com");
    vi.stubEnv("TABLEAU_CA_CLIENT", "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
    vi.stubEnv("TABLEAU_CA_SECRET_ID", "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d");
    vi.stubEnv("TABLEAU_CA_SECRET_VALUE", SECRET);
    vi.stubEnv("AUTH_SECRET", "a-session-secret-that-is-long-enough-0123");
    const exit = vi.spyOn(process, "exit");
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { checkConfigOrExit } = await import("./check-config");

    checkConfigOrExit();
    expect(printed.mock.calls).toEqual([]);
    expect(exit).not.toHaveBeenCalled();
  });
});

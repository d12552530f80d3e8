import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VALID_ENV } from "../../test/valid-env";

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
    for (const [name, value] of Object.entries({ ...VALID_ENV, TABLEAU_CA_SECRET_VALUE: SECRET }))
      vi.stubEnv(name, value);
    const exit = vi.spyOn(process, "exit");
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { checkConfigOrExit } = await import("./check-config");

    checkConfigOrExit();
    expect(printed.mock.calls).toEqual([]);
    expect(exit).not.toHaveBeenCalled();
  });
});

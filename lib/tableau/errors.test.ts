import { describe, expect, it } from "vitest";
import { parseConnectedAppCode, TableauError } from "./errors";

describe("TableauError", () => {
  it("carries Tableau's code, summary, detail, status and the Connected App sub-code", () => {
    const err = new TableauError({
      code: "401001",
      summary: "Signin Error",
      detail: "Error signing in to Tableau Server (127)",
      status: 401,
    });
    expect(err).toMatchObject({
      code: "401001",
      summary: "Signin Error",
      status: 401,
      connectedAppCode: 127,
    });
    expect(err.isSessionRejected).toBe(false);
    expect(err.message).toContain("401001");
  });

  it("marks 401000 and 401002 as a rejected session", () => {
    for (const code of ["401000", "401002"]) {
      expect(new TableauError({ code, summary: "", detail: "", status: 401 }).isSessionRejected).toBe(true);
    }
  });
});

describe("parseConnectedAppCode", () => {
  it("takes the last parenthesised number", () => {
    expect(parseConnectedAppCode("Failed (step 2) to sign in (16)")).toBe(16);
    expect(parseConnectedAppCode("code (10084)")).toBe(10084);
    expect(parseConnectedAppCode("no code here")).toBeUndefined();
    expect(parseConnectedAppCode("(abc)")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { describeTokenFailure, libraryLoadFailure } from "./token-errors";

describe("token route failures", () => {
  it("tells a signed-out user to sign in again and an unmapped user to ask for a mapping", () => {
    expect(describeTokenFailure(401, "").title).toBe("Your portal session has ended");
    const unmapped = describeTokenFailure(403, "NO_TABLEAU_MAPPING");
    expect(unmapped.userMessage).toContain("has no Tableau user");
    expect(unmapped.adminMessage).toContain("user directory");
  });

  it("names the status and the doctor for a failing route, and the network for no answer", () => {
    expect(describeTokenFailure(500, "boom.").adminMessage).toContain("answered 500");
    expect(describeTokenFailure(500, "boom.").adminMessage).toContain("npm run doctor");
    expect(describeTokenFailure(0, "").title).toContain("could not be reached");
  });

  it("tells a rate-limited user how long to wait, from Retry-After, and the admin which limit", () => {
    const limited = describeTokenFailure(429, "Too many dashboard loads.", 42);
    expect(limited.title).toBe("Too many dashboard loads");
    expect(limited.userMessage).toContain("Try again in 42 seconds.");
    expect(limited.adminMessage).toContain("limit of embed tokens per minute");
    expect(limited.adminMessage).not.toContain("VIZPORT_");
    expect(describeTokenFailure(429, "", 1).userMessage).toContain("in 1 second.");
    expect(describeTokenFailure(429, "", 150).userMessage).toContain("in 3 minutes.");
    expect(describeTokenFailure(429, "").userMessage).toContain("Try again in a minute.");
  });

  it("says where the Embedding API failed to load from", () => {
    expect(libraryLoadFailure("https://tab.example", false).adminMessage).toContain("https://tab.example");
    expect(libraryLoadFailure("https://tab.example", true).adminMessage).toContain("bundled");
  });
});

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

  it("says where the Embedding API failed to load from", () => {
    expect(libraryLoadFailure("https://tab.example", false).adminMessage).toContain("https://tab.example");
    expect(libraryLoadFailure("https://tab.example", true).adminMessage).toContain("bundled");
  });
});

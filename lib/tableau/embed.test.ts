import { describe, expect, it } from "vitest";
import {
  deepLinkFilters,
  describeConnectedAppError,
  describeVizLoadError,
  embeddingApiScriptUrl,
  parseVizLoadError,
  splitViewContentUrl,
  viewEmbedUrl,
  viewPagePath,
} from "./embed";
import { KNOWN_CONNECTED_APP_CODES } from "./embed-errors";

describe("embed URLs", () => {
  it("builds the site view URL from a REST contentUrl", () => {
    expect(viewEmbedUrl("http://localhost:8900", "vizport-demo", "Superstore/sheets/SalesbyRegion")).toBe(
      "http://localhost:8900/t/vizport-demo/views/Superstore/SalesbyRegion",
    );
  });

  it("uses /views on the default site and trims a trailing slash", () => {
    expect(viewEmbedUrl("https://tab.example.com/", "", "Superstore/SalesbyRegion")).toBe(
      "https://tab.example.com/views/Superstore/SalesbyRegion",
    );
  });

  it("encodes path parts", () => {
    expect(viewEmbedUrl("https://t.example", "s", "My Book/sheets/A&B")).toBe(
      "https://t.example/t/s/views/My%20Book/A%26B",
    );
    expect(viewPagePath("Superstore/sheets/SalesbyRegion")).toBe("/views/Superstore/SalesbyRegion");
  });

  it("rejects what is not a view contentUrl", () => {
    expect(() => splitViewContentUrl("Superstore")).toThrow(TypeError);
    expect(() => splitViewContentUrl("a/b/c")).toThrow(TypeError);
    expect(splitViewContentUrl("/Superstore/sheets/Overview/")).toEqual({
      workbook: "Superstore",
      sheet: "Overview",
    });
  });

  it("points at the server's own Embedding API v3 script", () => {
    expect(embeddingApiScriptUrl("http://localhost:8900/")).toBe(
      "http://localhost:8900/javascripts/api/tableau.embedding.3.latest.min.js",
    );
  });
});

describe("parseVizLoadError", () => {
  it("finds the Connected App code in a REST-style detail inside the JSON message", () => {
    const message = JSON.stringify({
      statusCode: 401,
      errorMessage: JSON.stringify({
        error: { code: "401001", summary: "Signin Error", detail: "Error signing in to Tableau Server (5)" },
      }),
    });
    expect(parseVizLoadError({ errorCode: "auth-failed", message })).toEqual({
      errorCode: "auth-failed",
      isAuthFailure: true,
      httpStatus: 401,
      connectedAppCode: 5,
    });
  });

  it("prefers an explicit connected-app code field and reads numeric codes in arrays", () => {
    expect(
      parseVizLoadError({
        errorCode: "auth-failed",
        message: JSON.stringify({ status: 401, result: { errors: [{ code: 127 }] } }),
      }).connectedAppCode,
    ).toBe(127);
    expect(
      parseVizLoadError({
        errorCode: "auth-failed",
        message: { code: 16, connectedAppCode: 10085, detail: "x (5)" },
      }).connectedAppCode,
    ).toBe(10085);
  });

  it("does not take a REST error code or an HTTP status for a Connected App code", () => {
    const parsed = parseVizLoadError({ errorCode: "auth-failed", message: '{"code":"401001","status":403}' });
    expect(parsed.connectedAppCode).toBeUndefined();
    expect(parsed.httpStatus).toBe(403);
    expect(parseVizLoadError({ errorCode: "auth-failed", message: '{"code":401}' })).toMatchObject({
      httpStatus: 401,
    });
  });

  it("survives garbage", () => {
    expect(parseVizLoadError(null)).toEqual({ errorCode: "unknown", isAuthFailure: false });
    expect(parseVizLoadError({ errorCode: "server-error", message: "{not json" })).toEqual({
      errorCode: "server-error",
      isAuthFailure: false,
    });
    expect(parseVizLoadError({ errorCode: 7, message: 42 })).toEqual({
      errorCode: "unknown",
      isAuthFailure: false,
    });
  });
});

describe("Connected App error messages", () => {
  it("covers every code in tableau-reference §2", () => {
    expect([...KNOWN_CONNECTED_APP_CODES].sort((a, b) => a - b)).toEqual([
      5, 16, 67, 126, 127, 128, 133, 10083, 10084, 10085, 10087, 10089, 10090,
    ]);
    for (const code of KNOWN_CONNECTED_APP_CODES) {
      const m = describeConnectedAppError(code, {
        tableauUsername: "erin@example.com",
        site: "vizport-demo",
      });
      expect(m.code).toBe(code);
      expect(m.title.length).toBeGreaterThan(10);
      expect(m.userMessage.length).toBeGreaterThan(40);
      expect(m.adminMessage).toContain(`code ${code}`);
    }
  });

  it("names the mapped user for code 5", () => {
    const m = describeConnectedAppError(5, { tableauUsername: "erin@example.com", site: "vizport-demo" });
    expect(m.userMessage).toContain(
      'Your portal account maps to erin@example.com, who is not a user of the Tableau site "vizport-demo"',
    );
  });

  it("names the secret settings for code 127, without a secret", () => {
    const m = describeConnectedAppError(127);
    expect(m.adminMessage).toContain("TABLEAU_CA_SECRET_VALUE");
    expect(m.userMessage).toContain("administrator");
  });

  it("gives unknown codes a generic message with the number", () => {
    const m = describeConnectedAppError(10094, { tableauUsername: "bob@example.com" });
    expect(m.title).toContain("10094");
    expect(m.userMessage).toContain("10094");
    expect(m.code).toBe(10094);
  });

  it("describes load failures without a code", () => {
    const m = describeVizLoadError({ errorCode: "auth-failed", isAuthFailure: true, httpStatus: 502 });
    expect(m.userMessage).toContain("HTTP 502");
    expect(m.code).toBeUndefined();
    const unreachable = describeVizLoadError(
      { errorCode: "auth-failed", isAuthFailure: true },
      { server: "https://tableau.example.com" },
    );
    expect(unreachable.title).toBe("Tableau could not be reached");
    expect(unreachable.adminMessage).toContain("https://tableau.example.com");
    const other = describeVizLoadError({ errorCode: "server-error", isAuthFailure: false });
    expect(other.userMessage).toContain("server-error");
  });
});

describe("deepLinkFilters", () => {
  it("turns field=value parameters into filters, splitting commas", () => {
    expect(deepLinkFilters({ Region: "East", Category: "Technology,Furniture" })).toEqual({
      Region: ["East"],
      Category: ["Technology", "Furniture"],
    });
    expect(deepLinkFilters({ Region: ["East", "West", "East"] })).toEqual({ Region: ["East", "West"] });
  });

  it("ignores Tableau URL options, tracking and search parameters, blanks and odd names", () => {
    expect(
      deepLinkFilters({
        ":embed": "y",
        utm_source: "mail",
        q: "sales",
        Region: " ",
        "x<y": "1",
        ok: undefined,
      }),
    ).toEqual({});
    expect(deepLinkFilters({ Region: "a".repeat(201) })).toEqual({});
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_SITE_FILE, loadSiteFile, SiteDataError } from "../core/load-site";
import { siteDataSchema } from "../core/site";
import { siteIntegrityIssues } from "../core/site-integrity";
import { demoSite } from "./demo-site";
import { generateLargeSite } from "./large-site";

describe("site data", () => {
  it("the committed demo-site.json is what demo-site.ts generates (regenerate with write-demo-site.ts)", () => {
    const committed: unknown = JSON.parse(readFileSync(DEMO_SITE_FILE, "utf8"));
    expect(committed).toEqual(siteDataSchema.parse(demoSite()));
  });

  it("the demo site has the shared facts", () => {
    const site = loadSiteFile();
    expect(site.site.contentUrl).toBe("vizport-demo");
    expect(site.projects.find((p) => p.name === "Finance")?.visibleTo).toBe("admins");
    expect(site.workbooks.flatMap((w) => w.views)).toHaveLength(9);
    const months = new Set(site.orders.map((o) => o.month));
    expect(months.size).toBe(24);
    expect(new Set(site.orders.map((o) => o.region))).toEqual(new Set(["East", "West", "Central", "South"]));
  });

  it("generates the same large site every time, keeping the demo workbooks, with no integrity issues", () => {
    const base = loadSiteFile();
    const a = generateLargeSite(base, 2500);
    const b = generateLargeSite(base, 2500);
    expect(a.workbooks).toHaveLength(2500);
    expect(a).toEqual(b);
    expect(a.workbooks.slice(0, 4)).toEqual(base.workbooks);
    expect(siteIntegrityIssues(a)).toEqual([]);
  });

  it("rejects a site file whose references are broken, naming each problem", () => {
    const base = loadSiteFile();
    const broken = {
      ...base,
      workbooks: [...base.workbooks, { ...base.workbooks[0]!, ownerId: "ghost" }],
    };
    const issues = siteIntegrityIssues(broken);
    expect(issues).toContain("duplicate workbook contentUrl 'Superstore'");
    expect(issues).toContain("workbook 'Superstore': owner ghost is not a user");
    expect(() => loadSiteFile("no-such-file.json")).toThrow(SiteDataError);
  });
});

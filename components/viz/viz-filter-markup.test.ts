import { describe, expect, it } from "vitest";
import { escapeAttribute, vizFilterMarkup } from "./viz-filter-markup";

describe("vizFilterMarkup", () => {
  it("writes one viz-filter per field, values joined by commas", () => {
    expect(vizFilterMarkup({ Region: ["East", "West"], Category: ["Technology"] })).toBe(
      '<viz-filter field="Region" value="East,West"></viz-filter>' +
        '<viz-filter field="Category" value="Technology"></viz-filter>',
    );
    expect(vizFilterMarkup({})).toBe("");
  });

  it("escapes what could end the attribute or start markup", () => {
    const markup = vizFilterMarkup({ Region: ['"><script>alert(1)</script>', "a&b", "it's"] });
    expect(markup).toBe(
      '<viz-filter field="Region" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;,a&amp;b,it&#39;s"></viz-filter>',
    );
    expect(markup).not.toContain("<script");
    expect(escapeAttribute(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});

/** Reading a view URL's query: `field=value[,value]` filters and Tableau's `:option=value` parameters. */

/** `Region=East,West&:embed=y&Category=Technology` → `{ Region: ["East","West"], Category: ["Technology"] }`. */
export function queryFilters(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (key.startsWith(":") || key === "") continue;
    const values = value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    out[key] = [...(out[key] ?? []), ...values];
  }
  return out;
}

const NO = new Set(["no", "n", "false", "0", "hidden"]);

export interface PageOptions {
  toolbar: "top" | "bottom" | "hidden";
  tabs: boolean;
  embedded: boolean;
}

export function pageOptions(params: URLSearchParams, showTabs: boolean): PageOptions {
  const toolbarParam = (params.get(":toolbar") ?? "bottom").toLowerCase();
  const toolbar = NO.has(toolbarParam) ? "hidden" : toolbarParam === "top" ? "top" : "bottom";
  const tabsParam = params.get(":tabs");
  const tabs = tabsParam === null ? showTabs : !NO.has(tabsParam.toLowerCase());
  const embed = (params.get(":embed") ?? "").toLowerCase();
  return { toolbar, tabs, embedded: embed === "y" || embed === "yes" || embed === "true" };
}

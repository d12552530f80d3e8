/**
 * The URLs a `<tableau-viz>` needs: the Embedding API script and a view's embed `src`. Pure functions, in a module
 * of their own so that the browser code that needs only these does not also ship the error messages.
 */

/** Where the Tableau server serves its own copy of the Embedding API v3 (loaded as a module script). */
export function embeddingApiScriptUrl(server: string): string {
  return `${trimServer(server)}/javascripts/api/tableau.embedding.3.latest.min.js`;
}

/**
 * The embed `src` of a view from its REST `contentUrl` (`Workbook/sheets/Sheet`) or its short form
 * (`Workbook/Sheet`): `{server}/t/{site}/views/Workbook/Sheet`, or `{server}/views/Workbook/Sheet` on the
 * default site (contentUrl ""). Each path part is URL-encoded; a contentUrl that is not two parts throws.
 */
export function viewEmbedUrl(server: string, site: string, contentUrl: string): string {
  const { workbook, sheet } = splitViewContentUrl(contentUrl);
  const sitePart = site === "" ? "" : `/t/${encodeURIComponent(site)}`;
  return `${trimServer(server)}${sitePart}/views/${encodeURIComponent(workbook)}/${encodeURIComponent(sheet)}`;
}

/** `Superstore/sheets/SalesbyRegion` or `Superstore/SalesbyRegion` → `{ workbook, sheet }`. */
export function splitViewContentUrl(contentUrl: string): { workbook: string; sheet: string } {
  const parts = contentUrl.split("/").filter((part) => part !== "");
  const [workbook, middle, last] = parts;
  if (parts.length === 3 && middle === "sheets" && workbook && last) return { workbook, sheet: last };
  if (parts.length === 2 && workbook && middle) return { workbook, sheet: middle };
  throw new TypeError(
    `Not a view contentUrl (expected "Workbook/sheets/Sheet"): ${JSON.stringify(contentUrl)}`,
  );
}

/** The portal path of a view page, `/views/{workbook}/{sheet}`. */
export function viewPagePath(contentUrl: string): string {
  const { workbook, sheet } = splitViewContentUrl(contentUrl);
  return `/views/${encodeURIComponent(workbook)}/${encodeURIComponent(sheet)}`;
}

/** The origin of the Tableau server (what the CSP and the domain allowlist speak of). */
export function tableauOrigin(server: string): string {
  return new URL(server).origin;
}

function trimServer(server: string): string {
  return server.replace(/\/+$/, "");
}

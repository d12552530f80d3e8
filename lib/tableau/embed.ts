/**
 * Embedding helpers shared by the server (view page) and the client (viz component): the URLs a `<tableau-viz>`
 * needs, and what a failed load means (see embed-errors.ts). Pure functions: no Next.js, no fetch, no env.
 */

export {
  describeConnectedAppError,
  describeVizLoadError,
  type EmbedErrorContext,
  type EmbedErrorMessage,
} from "./embed-errors";
export { parseVizLoadError, type ParsedVizLoadError } from "./embed-load-error";
export { deepLinkFilters, type FilterMap } from "./embed-filters";

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

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
export {
  embeddingApiScriptUrl,
  splitViewContentUrl,
  tableauOrigin,
  viewEmbedUrl,
  viewPagePath,
} from "./embed-urls";

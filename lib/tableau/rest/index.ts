/** Public entry of the framework-free Tableau REST client. */
export { createTableauClient, type TableauClient, type TableauClientConfig } from "./client";
export {
  buildFilter,
  buildSort,
  PROJECT_FIELDS,
  VIEW_FIELDS,
  WORKBOOK_FIELDS,
  type FilterCondition,
  type FilterOperator,
  type SortKey,
} from "./filter";
export { explainTableauError, type ExplainedError } from "./explain";
export { portalViewPath, splitViewContentUrl } from "./reshape";
export type { RestSession } from "./sessions";
export { MemorySessionStore, type ReleaseLock, type SessionStore } from "./session-store";
export type { FavoriteView } from "./favorites";
export type { CustomView } from "./custom-views";
export type { ImageBytes, Page, Project, SiteUser, View, Workbook } from "./types";
export type { ListOptions } from "./workbooks";
export type { SearchOptions } from "./workbook-search";
export type { ViewImageOptions } from "./images";
export * from "../errors";

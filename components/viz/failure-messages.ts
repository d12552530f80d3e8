/**
 * Everything the viz says when it fails: the messages for every Connected App code, for the token route's
 * refusals and for a library that would not load. Imported on demand (explain-failure.ts) when something has
 * gone wrong, so that most of the viz's own code stays out of the view page's first load.
 */
export { describeVizLoadError, parseVizLoadError } from "@/lib/tableau/embed";
export { describeTokenFailure, libraryLoadFailure } from "./token-errors";

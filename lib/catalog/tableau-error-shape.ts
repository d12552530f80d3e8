/**
 * Reads a Tableau REST error by its shape, not with `instanceof`: the REST client is cached per process on
 * globalThis and may have been built by another bundle layer (a page vs a route handler), whose TableauError
 * class is a different object. The error's `name`, `code`, `status` and `connectedAppCode` are stable.
 */
export interface TableauErrorShape {
  code: string;
  status: number;
  connectedAppCode?: number;
}

export function asTableauError(error: unknown): TableauErrorShape | null {
  if (!(error instanceof Error) || error.name !== "TableauError") return null;
  const { code, status, connectedAppCode } = error as Error & Partial<Record<string, unknown>>;
  if (typeof code !== "string" || typeof status !== "number") return null;
  return typeof connectedAppCode === "number" ? { code, status, connectedAppCode } : { code, status };
}

/** `pageSize` (1–1000, default 100) and `pageNumber` (≥ 1, default 1), and the string-typed pagination block. */
import { restErrors } from "./errors";

export interface Paging {
  pageSize: number;
  pageNumber: number;
}

export const MAX_PAGE_SIZE = 1000;

export function parsePaging(url: URL): Paging {
  return {
    pageSize: positiveInt(url.searchParams.get("pageSize"), 100, "pageSize", MAX_PAGE_SIZE),
    pageNumber: positiveInt(url.searchParams.get("pageNumber"), 1, "pageNumber", Number.MAX_SAFE_INTEGER),
  };
}

function positiveInt(raw: string | null, fallback: number, name: string, max: number): number {
  if (raw === null) return fallback;
  const n = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(n) && n >= 1 && n <= max) return n;
  if (name === "pageSize")
    throw restErrors.badPageSize(
      `The page size '${raw}' is not valid: it must be a whole number from 1 to ${max}.`,
    );
  throw restErrors.badPageNumber(
    `The page number '${raw}' is not valid: it must be a whole number of 1 or more.`,
  );
}

/** One page of `items`, with Tableau's pagination block (numbers as strings). */
export function pageOf<T>(items: readonly T[], paging: Paging) {
  const start = (paging.pageNumber - 1) * paging.pageSize;
  return {
    pagination: {
      pageNumber: String(paging.pageNumber),
      pageSize: String(paging.pageSize),
      totalAvailable: String(items.length),
    },
    items: items.slice(start, start + paging.pageSize),
  };
}

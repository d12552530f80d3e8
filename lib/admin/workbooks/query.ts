/**
 * The admin workbook list's state, as it lives in the URL (`?q=&project=&sort=name:asc&pageSize=25&page=2`)
 * and as the server action receives it. Shared by the page, the action and the client components.
 */
import { z } from "zod";

export const SORT_FIELDS = ["name", "projectName", "ownerName", "updatedAt", "size"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** The action's input: strict, so a malformed post is refused with a message instead of being guessed at. */
export const workbookQuerySchema = z.object({
  q: z.string().trim().max(200, "The search is limited to 200 characters.").default(""),
  project: z.string().trim().max(255, "The project name is too long.").default(""),
  sort: z.enum(SORT_FIELDS, { error: `Sort by one of: ${SORT_FIELDS.join(", ")}.` }).default("name"),
  dir: z.enum(["asc", "desc"], { error: 'The sort direction is "asc" or "desc".' }).default("asc"),
  pageSize: z
    .union([z.literal(25), z.literal(50), z.literal(100)], { error: "The page size is 25, 50 or 100." })
    .default(25),
  page: z.number().int().min(1, "Pages start at 1.").max(1_000_000, "That page does not exist.").default(1),
});
export type WorkbookQuery = z.infer<typeof workbookQuerySchema>;

export const DEFAULT_QUERY: WorkbookQuery = workbookQuerySchema.parse({});

type RawParams = Record<string, string | string[] | undefined>;

/**
 * The URL's search params → a query. Lenient on purpose: a bookmark with one bad value (e.g. `pageSize=7`) keeps
 * the good ones and falls back to the default for the bad one, so a hand-edited URL never fails the page.
 */
export function parseSearchParams(params: RawParams): WorkbookQuery {
  const one = (key: string) => {
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const [sortField, sortDir] = (one("sort") ?? "").split(":");
  const candidate = {
    q: one("q"),
    project: one("project"),
    sort: sortField || undefined,
    dir: sortDir || undefined,
    pageSize: toInt(one("pageSize")),
    page: toInt(one("page")),
  };
  const query = { ...DEFAULT_QUERY };
  for (const key of Object.keys(candidate) as (keyof WorkbookQuery)[]) {
    const field = workbookQuerySchema.shape[key].safeParse(candidate[key]);
    if (field.success) Object.assign(query, { [key]: field.data });
  }
  return query;
}

/** A query → the page's URL, omitting nothing that matters so the link is a faithful bookmark. */
export function workbooksHref(query: WorkbookQuery, change: Partial<WorkbookQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.project) params.set("project", q.project);
  params.set("sort", `${q.sort}:${q.dir}`);
  params.set("pageSize", String(q.pageSize));
  params.set("page", String(q.page));
  return `/admin/workbooks?${params.toString()}`;
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

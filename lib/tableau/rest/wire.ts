/**
 * Zod schemas for what Tableau's REST API sends (JSON). They absorb Tableau's quirks at the boundary: pagination
 * numbers arrive as strings, an empty list arrives as `{}` (no `workbook` key), and optional fields come and go
 * with the API version and the `fields` parameter.
 */
import { z } from "zod";

/** A number Tableau may send as a string ("158") or as a number. */
const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

/** `{"x": [...]}`, `{}` or missing → the array (or `[]`). */
function listOf<T extends z.ZodType>(key: string, item: T) {
  return z
    .object({ [key]: z.array(item).optional() })
    .optional()
    .transform((v) => ((v?.[key] as z.infer<T>[] | undefined) ?? []) as z.infer<T>[]);
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.union([z.string(), z.number()]).transform(String),
    summary: z.string().default(""),
    detail: z.string().default(""),
  }),
});

export const paginationSchema = z.object({
  pageNumber: numeric,
  pageSize: numeric,
  totalAvailable: numeric,
});

export const signInResponseSchema = z.object({
  credentials: z.object({
    token: z.string().min(1),
    site: z.object({ id: z.string().min(1), contentUrl: z.string() }),
    user: z.object({ id: z.string().min(1) }),
  }),
});

const ref = z.object({ id: z.string(), name: z.string().optional() });
const tagsSchema = listOf("tag", z.object({ label: z.string() }));

export const wireWorkbookSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  contentUrl: z.string(),
  webpageUrl: z.string().optional(),
  size: numeric.optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  defaultViewId: z.string().optional(),
  project: ref.optional(),
  owner: ref.optional(),
  tags: tagsSchema,
});
export type WireWorkbook = z.infer<typeof wireWorkbookSchema>;

export const workbooksResponseSchema = z.object({
  pagination: paginationSchema,
  workbooks: listOf("workbook", wireWorkbookSchema),
});

export const wireViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentUrl: z.string(),
  viewUrlName: z.string().optional(),
  sheetType: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  workbook: z.object({ id: z.string() }).optional(),
  project: ref.optional(),
  owner: ref.optional(),
  tags: tagsSchema,
});
export type WireView = z.infer<typeof wireViewSchema>;

export const viewsResponseSchema = z.object({
  // Query Views for Workbook has no pagination block; Query Views for Site has one.
  pagination: paginationSchema.optional(),
  views: listOf("view", wireViewSchema),
});

export const viewResponseSchema = z.object({ view: wireViewSchema });

export const wireProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  parentProjectId: z.string().optional(),
});

export const projectsResponseSchema = z.object({
  pagination: paginationSchema,
  projects: listOf("project", wireProjectSchema),
});

export const wireSiteUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  siteRole: z.string().default("Unlicensed"),
  fullName: z.string().optional(),
  email: z.string().optional(),
});

export const usersResponseSchema = z.object({
  pagination: paginationSchema,
  users: listOf("user", wireSiteUserSchema),
});

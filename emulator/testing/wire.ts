/**
 * What a Tableau REST client expects on the wire, as zod schemas: tests parse responses with these, so a
 * test fails when the shape drifts (pagination numbers must be strings, lists may be `{}`).
 */
import { z } from "zod";

const numString = z.string().regex(/^\d+$/);
export const paginationSchema = z.object({
  pageNumber: numString,
  pageSize: numString,
  totalAvailable: numString,
});
export const errorSchema = z.object({
  error: z.object({ summary: z.string(), detail: z.string(), code: z.string().regex(/^\d{6}$/) }),
});
export const credentialsSchema = z.object({
  credentials: z.object({
    token: z.string().min(10),
    site: z.object({ id: z.string(), contentUrl: z.string() }),
    user: z.object({ id: z.string() }),
    estimatedTimeToExpiration: z.string(),
  }),
});
const tagsSchema = z.object({ tag: z.array(z.object({ label: z.string() })).optional() });
export const workbookSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentUrl: z.string().optional(),
  project: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  owner: z
    .object({ id: z.string().optional(), name: z.string().optional(), email: z.string().optional() })
    .optional(),
  tags: tagsSchema.optional(),
  size: numString.optional(),
  showTabs: z.enum(["true", "false"]).optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  defaultViewId: z.string().optional(),
  views: z.object({ view: z.array(z.object({ id: z.string(), name: z.string() })) }).optional(),
});
export const workbooksPageSchema = z.object({
  pagination: paginationSchema,
  workbooks: z.object({ workbook: z.array(workbookSchema).optional() }),
});
export const viewSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentUrl: z.string(),
  sheetType: z.string().optional(),
  viewUrlName: z.string().optional(),
  workbook: z.object({ id: z.string() }).optional(),
  project: z.object({ id: z.string() }).optional(),
  owner: z.object({ id: z.string() }).optional(),
});
export const viewsPageSchema = z.object({
  pagination: paginationSchema.optional(),
  views: z.object({ view: z.array(viewSchema).optional() }),
});

export type WorkbooksPage = z.infer<typeof workbooksPageSchema>;

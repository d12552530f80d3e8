/**
 * The shape of an emulated Tableau site, as stored in `emulator/data/*.json`. Parsed with zod at load, so a
 * hand-edited data file that is wrong says which field is wrong instead of failing later.
 */
import { z } from "zod";
import { parameterSchema } from "./parameters";

export const siteRoleSchema = z.enum([
  "SiteAdministratorCreator",
  "SiteAdministratorExplorer",
  "Creator",
  "Explorer",
  "ExplorerCanPublish",
  "Viewer",
  "Unlicensed",
]);
export type SiteRole = z.infer<typeof siteRoleSchema>;

export const connectedAppSchema = z.object({
  clientId: z.string().min(1),
  name: z.string(),
  enabled: z.boolean(),
  /** Origins allowed to embed, e.g. `http://localhost:3000`; `*` alone allows any. */
  domainAllowlist: z.array(z.string()),
  secrets: z.array(z.object({ id: z.string().min(1), value: z.string().min(1) })).max(2),
});
export type ConnectedApp = z.infer<typeof connectedAppSchema>;

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().default(""),
  /** Who may see the project's content: every licensed user, or site administrators only. */
  visibleTo: z.enum(["all", "admins"]).default("all"),
});
export type Project = z.infer<typeof projectSchema>;

export const userSchema = z.object({
  id: z.string(),
  /** The Tableau username (`sub` of a JWT); case-sensitive. */
  name: z.string(),
  fullName: z.string(),
  email: z.string(),
  siteRole: siteRoleSchema,
});
export type SiteUser = z.infer<typeof userSchema>;

export const dimensionSchema = z.enum(["region", "category", "month"]);
export const measureSchema = z.enum(["sales", "profit"]);

export const viewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The sheet's URL part: a view's contentUrl is `{workbook.contentUrl}/sheets/{sheetUrl}`. */
  sheetUrl: z.string(),
  sheetType: z.enum(["worksheet", "dashboard", "story"]),
  /** What a worksheet draws from the sample orders. */
  chart: z
    .object({
      type: z.enum(["bar", "line", "table"]),
      dimension: dimensionSchema,
      measure: measureSchema,
    })
    .optional(),
  /** For a dashboard: the names of the worksheets (views of the same workbook) it shows. */
  worksheets: z.array(z.string()).default([]),
  /** The quick filters a worksheet has (getFiltersAsync lists them even when they keep every value). */
  filters: z.array(z.enum(["Region", "Category", "Month"])).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
  tags: z.array(z.string()).default([]),
});
export type SiteView = z.infer<typeof viewSchema>;

export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Tableau's built-in "All Users" group holds every user of the site, generated ones included. */
  allUsers: z.boolean().default(false),
  /** Members by user id (ignored when `allUsers`). */
  memberIds: z.array(z.string()).default([]),
});
export type SiteGroup = z.infer<typeof groupSchema>;

/** A published data source; its rows are the site's sample orders. */
export const datasourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().default(""),
  contentUrl: z.string(),
  projectId: z.string(),
  ownerId: z.string(),
  /** Tableau's connection type of the data source itself, e.g. `hyper` for an extract. */
  type: z.string(),
  hasExtracts: z.boolean().default(false),
  isCertified: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
  tags: z.array(z.string()).default([]),
});
export type SiteDatasource = z.infer<typeof datasourceSchema>;

/** A workbook's connection to a published data source (Query Workbook Connections). */
export const connectionSchema = z.object({ id: z.string(), datasourceId: z.string() });

export const workbookSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().default(""),
  contentUrl: z.string(),
  projectId: z.string(),
  ownerId: z.string(),
  showTabs: z.boolean().default(true),
  /** Size in MB, as Tableau reports it. */
  size: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  tags: z.array(z.string()).default([]),
  views: z.array(viewSchema).min(1),
  connections: z.array(connectionSchema).default([]),
  parameters: z.array(parameterSchema).default([]),
});
export type SiteWorkbook = z.infer<typeof workbookSchema>;

export const orderSchema = z.object({
  id: z.number().int(),
  region: z.enum(["East", "West", "Central", "South"]),
  category: z.enum(["Furniture", "Office Supplies", "Technology"]),
  /** `YYYY-MM` */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  sales: z.number(),
  profit: z.number(),
});
export type Order = z.infer<typeof orderSchema>;

export const siteDataSchema = z.object({
  site: z.object({ id: z.string(), name: z.string(), contentUrl: z.string() }),
  serverInfo: z
    .object({ productVersion: z.string(), build: z.string(), restApiVersion: z.string() })
    .default({ productVersion: "2025.3.0", build: "20253.25.0101.0000", restApiVersion: "3.28" }),
  connectedApps: z.array(connectedAppSchema).min(1),
  projects: z.array(projectSchema),
  users: z.array(userSchema),
  groups: z.array(groupSchema).default([]),
  datasources: z.array(datasourceSchema).default([]),
  workbooks: z.array(workbookSchema),
  orders: z.array(orderSchema),
});
export type SiteData = z.infer<typeof siteDataSchema>;

/**
 * Site objects → Tableau's wire objects (JSON shape; the XML writer derives its form from the same tree).
 * Numbers and booleans are strings, as Tableau's JSON (converted from its XML) sends them.
 */
import type { EmulatorContext } from "../core/context";
import type { Project, SiteView, SiteWorkbook } from "../core/site";
import { siteIndex } from "../core/site-index";

type Wire = Record<string, unknown>;

export function wireTags(tags: readonly string[]): Wire {
  return tags.length ? { tag: tags.map((label) => ({ label })) } : {};
}

function refs(ctx: EmulatorContext, workbook: SiteWorkbook) {
  const index = siteIndex(ctx.site);
  return {
    project: index.projectsById.get(workbook.projectId),
    owner: index.usersById.get(workbook.ownerId),
  };
}

export function wireWorkbook(ctx: EmulatorContext, w: SiteWorkbook): Wire {
  const { project, owner } = refs(ctx, w);
  const site = ctx.site.site.contentUrl;
  return {
    project: { id: w.projectId, name: project?.name ?? "", description: project?.description ?? "" },
    owner: {
      id: w.ownerId,
      name: owner?.name ?? "",
      fullName: owner?.fullName ?? "",
      email: owner?.email ?? "",
    },
    tags: wireTags(w.tags),
    id: w.id,
    name: w.name,
    description: w.description,
    contentUrl: w.contentUrl,
    webpageUrl: `${ctx.config.publicUrl}/#/${site ? `site/${site}/` : ""}workbooks/${w.contentUrl}`,
    showTabs: String(w.showTabs),
    size: String(w.size),
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    encryptExtracts: "false",
    defaultViewId: w.views[0]?.id ?? "",
    sheetCount: String(w.views.length),
    hasExtracts: "false",
  };
}

export const WORKBOOK_FIELDS = {
  defaults: [
    "project.id",
    "project.name",
    "owner.id",
    "owner.name",
    "tags",
    "id",
    "name",
    "description",
    "contentUrl",
    "webpageUrl",
    "showTabs",
    "size",
    "createdAt",
    "updatedAt",
    "encryptExtracts",
    "defaultViewId",
  ],
  all: [
    "project.id",
    "project.name",
    "project.description",
    "owner.id",
    "owner.name",
    "owner.fullName",
    "owner.email",
    "tags",
    "id",
    "name",
    "description",
    "contentUrl",
    "webpageUrl",
    "showTabs",
    "size",
    "createdAt",
    "updatedAt",
    "encryptExtracts",
    "defaultViewId",
    "sheetCount",
    "hasExtracts",
  ],
} as const;

export function wireView(ctx: EmulatorContext, w: SiteWorkbook, v: SiteView): Wire {
  const { project, owner } = refs(ctx, w);
  return {
    workbook: { id: w.id, name: w.name, contentUrl: w.contentUrl },
    owner: { id: w.ownerId, name: owner?.name ?? "", email: owner?.email ?? "" },
    project: { id: w.projectId, name: project?.name ?? "" },
    tags: wireTags(v.tags),
    id: v.id,
    name: v.name,
    contentUrl: `${w.contentUrl}/sheets/${v.sheetUrl}`,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    viewUrlName: v.sheetUrl,
    sheetType: v.sheetType,
    sheetNumber: String(w.views.indexOf(v) + 1),
  };
}

export const VIEW_FIELDS = {
  defaults: [
    "workbook.id",
    "owner.id",
    "project.id",
    "tags",
    "id",
    "name",
    "contentUrl",
    "createdAt",
    "updatedAt",
    "viewUrlName",
    "sheetType",
  ],
  all: [
    "workbook.id",
    "workbook.name",
    "workbook.contentUrl",
    "owner.id",
    "owner.name",
    "owner.email",
    "project.id",
    "project.name",
    "tags",
    "id",
    "name",
    "contentUrl",
    "createdAt",
    "updatedAt",
    "viewUrlName",
    "sheetType",
    "sheetNumber",
  ],
} as const;

/** Projects carry no owner in the data: the first site administrator (creator) owns them all. */
export function projectOwnerId(ctx: EmulatorContext): string {
  return (
    (ctx.site.users.find((u) => u.siteRole === "SiteAdministratorCreator") ?? ctx.site.users[0])?.id ?? ""
  );
}

export function wireProject(ctx: EmulatorContext, p: Project): Wire {
  return {
    owner: { id: projectOwnerId(ctx) },
    id: p.id,
    name: p.name,
    description: p.description,
    contentPermissions: "ManagedByOwner",
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
  };
}

export const PROJECT_FIELDS = {
  defaults: ["owner.id", "id", "name", "description", "contentPermissions", "createdAt", "updatedAt"],
  all: ["owner.id", "id", "name", "description", "contentPermissions", "createdAt", "updatedAt"],
} as const;

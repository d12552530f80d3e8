/** The fields each REST list can filter and sort on (tableau-reference.md §3), with how to read them. */
import type { EmulatorContext } from "../core/context";
import { groupMembers } from "../core/lookup";
import type { Project, SiteDatasource, SiteGroup, SiteUser, SiteWorkbook } from "../core/site";
import { siteIndex, type ViewEntry } from "../core/site-index";
import { viewLoadCount } from "../core/usage";
import { EQ_OPS, RANGE_OPS, TEXT_OPS, type FieldDefs } from "./query";

const text = <T>(get: (item: T) => string) => ({ kind: "text" as const, ops: TEXT_OPS, get });
const tags = <T>(get: (item: T) => readonly string[]) => ({ kind: "tags" as const, ops: TEXT_OPS, get });
const bool = <T>(get: (item: T) => boolean) => ({ kind: "bool" as const, ops: EQ_OPS, get });
const num = <T>(get: (item: T) => number) => ({ kind: "number" as const, ops: RANGE_OPS, get });
const date = <T>(get: (item: T) => string) => ({ kind: "date" as const, ops: RANGE_OPS, get });

/** Owner and project of a workbook, through the site index (no scans). */
function related(ctx: EmulatorContext) {
  const index = siteIndex(ctx.site);
  return {
    owner: (w: Pick<SiteWorkbook, "ownerId">) => index.usersById.get(w.ownerId),
    project: (w: Pick<SiteWorkbook, "projectId">) => index.projectsById.get(w.projectId),
  };
}

export function workbookFieldDefs(ctx: EmulatorContext): FieldDefs<SiteWorkbook> {
  const { owner, project } = related(ctx);
  return {
    name: text((w) => w.name),
    contentUrl: text((w) => w.contentUrl),
    projectName: text((w) => project(w)?.name ?? ""),
    ownerName: text((w) => owner(w)?.name ?? ""),
    ownerEmail: text((w) => owner(w)?.email ?? ""),
    ownerDomain: text(() => "local"),
    tags: tags((w) => w.tags),
    displayTabs: bool((w) => w.showTabs),
    hasAlerts: bool(() => false),
    hasExtracts: bool(() => false),
    createdAt: date((w) => w.createdAt),
    updatedAt: date((w) => w.updatedAt),
    size: num((w) => w.size),
    sheetCount: num((w) => w.views.length),
    favoritesTotal: num(() => 0),
    subscriptionTotal: num(() => 0),
  };
}

export function viewFieldDefs(ctx: EmulatorContext): FieldDefs<ViewEntry> {
  const { owner, project } = related(ctx);
  return {
    name: text((e) => e.view.name),
    title: text((e) => e.view.name),
    contentUrl: text((e) => `${e.workbook.contentUrl}/sheets/${e.view.sheetUrl}`),
    viewUrlName: text((e) => e.view.sheetUrl),
    workbookName: text((e) => e.workbook.name),
    projectName: text((e) => project(e.workbook)?.name ?? ""),
    ownerName: text((e) => owner(e.workbook)?.name ?? ""),
    ownerEmail: text((e) => owner(e.workbook)?.email ?? ""),
    ownerDomain: text(() => "local"),
    tags: tags((e) => e.view.tags),
    sheetType: { kind: "text", ops: EQ_OPS, get: (e) => e.view.sheetType },
    createdAt: date((e) => e.view.createdAt),
    updatedAt: date((e) => e.view.updatedAt),
    hitsTotal: { ...num((e: ViewEntry) => viewLoadCount(ctx, e.id)), volatile: true },
    sheetNumber: num((e) => e.workbook.views.indexOf(e.view) + 1),
  };
}

export function projectFieldDefs(): FieldDefs<Project> {
  return {
    name: text((p) => p.name),
    ownerName: text(() => ""),
    parentProjectId: { kind: "text", ops: EQ_OPS, get: () => "" },
    topLevelProject: bool(() => true),
    createdAt: date(() => "2025-01-01T00:00:00Z"),
    updatedAt: date(() => "2025-01-01T00:00:00Z"),
  };
}

export function userFieldDefs(): FieldDefs<SiteUser> {
  return {
    name: text((u) => u.name),
    friendlyName: text((u) => u.fullName),
    email: text((u) => u.email),
    siteRole: { kind: "text", ops: ["eq", "in"], get: (u) => u.siteRole },
    lastLogin: date(() => "2025-01-01T00:00:00Z"),
  };
}

export function groupFieldDefs(ctx: EmulatorContext): FieldDefs<SiteGroup> {
  return {
    name: text((g) => g.name),
    domainName: text(() => "local"),
    domainNickname: text(() => "local"),
    isLocal: bool(() => true),
    userCount: num((g) => groupMembers(ctx, g).length),
  };
}

export function datasourceFieldDefs(ctx: EmulatorContext): FieldDefs<SiteDatasource> {
  const { owner, project } = related(ctx);
  return {
    name: text((d) => d.name),
    contentUrl: text((d) => d.contentUrl),
    type: text((d) => d.type),
    projectName: text((d) => project(d)?.name ?? ""),
    ownerName: text((d) => owner(d)?.name ?? ""),
    ownerEmail: text((d) => owner(d)?.email ?? ""),
    ownerDomain: text(() => "local"),
    tags: tags((d) => d.tags),
    isCertified: bool((d) => d.isCertified),
    hasExtracts: bool((d) => d.hasExtracts),
    createdAt: date((d) => d.createdAt),
    updatedAt: date((d) => d.updatedAt),
  };
}

/** Jobs: the emulator runs none, but a filter or sort on these fields is still checked. */
export function jobFieldDefs(): FieldDefs<{ id: string }> {
  const never = () => "";
  return {
    jobType: text(never),
    status: text(never),
    title: text(never),
    subtitle: text(never),
    notes: text(never),
    priority: num(() => 0),
    progress: num(() => 0),
    createdAt: date(never),
    startedAt: date(never),
    completedAt: date(never),
  };
}

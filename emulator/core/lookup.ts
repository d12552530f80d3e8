/** Finding content and deciding who may see it; shared by the REST and embedding surfaces. */
import type { EmulatorContext } from "./context";
import type { SiteGroup, SiteUser, SiteView, SiteWorkbook } from "./site";
import { siteIndex } from "./site-index";

export function findWorkbookByContentUrl(ctx: EmulatorContext, contentUrl: string): SiteWorkbook | null {
  return siteIndex(ctx.site).workbooksByContentUrl.get(contentUrl) ?? null;
}

export function findWorkbookById(ctx: EmulatorContext, id: string): SiteWorkbook | null {
  return siteIndex(ctx.site).workbooksById.get(id) ?? null;
}

export function findViewById(
  ctx: EmulatorContext,
  id: string,
): { workbook: SiteWorkbook; view: SiteView } | null {
  return siteIndex(ctx.site).viewsById.get(id) ?? null;
}

export function findViewBySheetUrl(workbook: SiteWorkbook, sheetUrl: string): SiteView | null {
  return workbook.views.find((v) => v.sheetUrl === sheetUrl) ?? null;
}

export function findUserByName(ctx: EmulatorContext, name: string): SiteUser | null {
  return siteIndex(ctx.site).usersByName.get(name) ?? null;
}

export function isSiteAdmin(user: SiteUser): boolean {
  return user.siteRole === "SiteAdministratorCreator" || user.siteRole === "SiteAdministratorExplorer";
}

/**
 * Project-level permissions, simplified: a project visible to "admins" shows its content to site
 * administrators only; every other project to every licensed user. Unlicensed users see nothing.
 */
export function canSee(ctx: EmulatorContext, user: SiteUser, workbook: SiteWorkbook): boolean {
  return canSeeProject(ctx, user, workbook.projectId);
}

/** The same rule for a project itself and anything in it (workbooks, data sources). */
export function canSeeProject(ctx: EmulatorContext, user: SiteUser, projectId: string): boolean {
  if (user.siteRole === "Unlicensed") return false;
  const project = siteIndex(ctx.site).projectsById.get(projectId);
  if (!project || project.visibleTo === "all") return true;
  return isSiteAdmin(user);
}

/** Everyone in a group: the whole site for All Users, else its listed members. */
export function groupMembers(ctx: EmulatorContext, group: SiteGroup): SiteUser[] {
  if (group.allUsers) return ctx.site.users;
  const users = siteIndex(ctx.site).usersById;
  return group.memberIds.map((id) => users.get(id)).filter((u): u is SiteUser => u !== undefined);
}

/** Users in the same class see the same content under {@link canSee}: list results are cached per class. */
export function visibilityClass(user: SiteUser): "admin" | "user" | "none" {
  if (user.siteRole === "Unlicensed") return "none";
  return isSiteAdmin(user) ? "admin" : "user";
}

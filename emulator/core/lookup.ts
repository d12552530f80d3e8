/** Finding content and deciding who may see it; shared by the REST and embedding surfaces. */
import type { EmulatorContext } from "./context";
import type { SiteUser, SiteView, SiteWorkbook } from "./site";
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
  if (user.siteRole === "Unlicensed") return false;
  const project = siteIndex(ctx.site).projectsById.get(workbook.projectId);
  if (!project || project.visibleTo === "all") return true;
  return isSiteAdmin(user);
}

/** Users in the same class see the same content under {@link canSee}: list results are cached per class. */
export function visibilityClass(user: SiteUser): "admin" | "user" | "none" {
  if (user.siteRole === "Unlicensed") return "none";
  return isSiteAdmin(user) ? "admin" : "user";
}

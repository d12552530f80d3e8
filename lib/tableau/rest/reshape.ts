/** Wire shapes (validated by `wire.ts`) → the app's types. Missing optional fields become explicit defaults. */
import type { z } from "zod";
import type { Page, Project, View, Workbook } from "./types";
import type { WireView, WireWorkbook, paginationSchema, wireProjectSchema } from "./wire";

export function reshapePage<W, T>(
  pagination: z.infer<typeof paginationSchema>,
  items: W[],
  reshape: (w: W) => T,
): Page<T> {
  return {
    items: items.map(reshape),
    pageNumber: pagination.pageNumber,
    pageSize: pagination.pageSize,
    totalAvailable: pagination.totalAvailable,
  };
}

export function reshapeWorkbook(w: WireWorkbook): Workbook {
  const wb: Workbook = {
    id: w.id,
    name: w.name,
    description: w.description ?? "",
    contentUrl: w.contentUrl,
    projectId: w.project?.id ?? "",
    projectName: w.project?.name ?? "",
    ownerId: w.owner?.id ?? "",
    ownerName: w.owner?.name ?? "",
    createdAt: w.createdAt ?? "",
    updatedAt: w.updatedAt ?? "",
    sizeMb: w.size ?? 0,
    tags: w.tags.map((t) => t.label),
  };
  if (w.webpageUrl) wb.webpageUrl = w.webpageUrl;
  if (w.defaultViewId) wb.defaultViewId = w.defaultViewId;
  return wb;
}

export function reshapeView(v: WireView): View {
  const { workbookContentUrl, sheetUrl } = splitViewContentUrl(v.contentUrl, v.viewUrlName);
  return {
    id: v.id,
    name: v.name,
    contentUrl: v.contentUrl,
    workbookId: v.workbook?.id ?? "",
    workbookContentUrl,
    sheetUrl,
    sheetType: v.sheetType ?? "",
    projectId: v.project?.id ?? "",
    projectName: v.project?.name ?? "",
    ownerId: v.owner?.id ?? "",
    createdAt: v.createdAt ?? "",
    updatedAt: v.updatedAt ?? "",
    tags: v.tags.map((t) => t.label),
  };
}

export function reshapeProject(p: z.infer<typeof wireProjectSchema>): Project {
  const project: Project = { id: p.id, name: p.name, description: p.description ?? "" };
  if (p.parentProjectId) project.parentProjectId = p.parentProjectId;
  return project;
}

/** `Superstore/sheets/SalesbyRegion` → `{ workbookContentUrl: "Superstore", sheetUrl: "SalesbyRegion" }`. */
export function splitViewContentUrl(
  contentUrl: string,
  viewUrlName?: string,
): { workbookContentUrl: string; sheetUrl: string } {
  const marker = contentUrl.indexOf("/sheets/");
  if (marker >= 0) {
    return {
      workbookContentUrl: contentUrl.slice(0, marker),
      sheetUrl: viewUrlName ?? contentUrl.slice(marker + "/sheets/".length),
    };
  }
  const slash = contentUrl.lastIndexOf("/");
  return {
    workbookContentUrl: slash >= 0 ? contentUrl.slice(0, slash) : "",
    sheetUrl: viewUrlName ?? contentUrl.slice(slash + 1),
  };
}

/** The portal's own page for a view (built by the viz pages): `/views/{workbook}/{sheet}`. */
export function portalViewPath(workbookContentUrl: string, sheetUrl: string): string {
  return `/views/${encodeURIComponent(workbookContentUrl)}/${encodeURIComponent(sheetUrl)}`;
}

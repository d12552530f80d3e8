/**
 * Shapes the views Tableau returned into the catalog the home page shows: project → workbook → views, sorted
 * by name, narrowed by the search text. Pure, so it is tested without Tableau.
 */
import type { View, Workbook } from "@/lib/tableau/rest";

export interface CatalogView {
  id: string;
  name: string;
  sheetType: string;
  /** Portal path of the view page, `/views/{workbook}/{sheet}`. */
  path: string;
  /** Authenticated thumbnail route. */
  thumbnailUrl: string;
}

export interface CatalogWorkbook {
  id: string;
  name: string;
  views: CatalogView[];
}

export interface CatalogProject {
  name: string;
  workbooks: CatalogWorkbook[];
}

export interface Catalog {
  projects: CatalogProject[];
  /** Views the user may see, before the search. */
  total: number;
  /** Views that match the search. */
  shown: number;
  /** Views in `projects`: all that match, or the first `limit` of them (limitCatalog). */
  listed: number;
}

// One collator for every comparison: `localeCompare(b, "en")` builds a new one per call, which made sorting a
// site's thousand views the costliest step of a warm home page.
const collator = new Intl.Collator("en");
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

/** What grouping needs of a view and a workbook: the catalog cache keeps only this. */
export type CatalogViewSource = Pick<
  View,
  "id" | "name" | "workbookId" | "workbookContentUrl" | "sheetUrl" | "sheetType" | "projectName" | "tags"
>;
export type CatalogWorkbookSource = Pick<Workbook, "id" | "name" | "projectName">;

/** Groups `views` (workbook names from `workbooks`); `query` keeps views whose view, workbook, project or tag matches. */
export function groupCatalog(
  views: readonly CatalogViewSource[],
  workbooks: readonly CatalogWorkbookSource[],
  query = "",
): Catalog {
  // Query Views for Site gives a view's project by id only; the workbook list carries the names.
  const byId = new Map(workbooks.map((wb) => [wb.id, wb]));
  const needle = query.trim().toLowerCase();
  const projects = new Map<string, Map<string, CatalogWorkbook>>();
  let shown = 0;
  for (const view of views) {
    const wb = byId.get(view.workbookId);
    const workbookName = wb?.name || view.workbookContentUrl;
    const projectName = wb?.projectName || view.projectName || "Other";
    if (needle && !matches([view.name, workbookName, projectName, ...view.tags], needle)) continue;
    shown += 1;
    const project = projects.get(projectName) ?? new Map<string, CatalogWorkbook>();
    projects.set(projectName, project);
    const workbook = project.get(view.workbookId) ?? { id: view.workbookId, name: workbookName, views: [] };
    project.set(view.workbookId, workbook);
    workbook.views.push({
      id: view.id,
      name: view.name,
      sheetType: view.sheetType,
      path: `/views/${encodeURIComponent(view.workbookContentUrl)}/${encodeURIComponent(view.sheetUrl)}`,
      thumbnailUrl: `/api/thumbnails/${encodeURIComponent(view.workbookId)}/${encodeURIComponent(view.id)}`,
    });
  }
  return {
    projects: [...projects.entries()]
      .map(([name, wbs]) => ({
        name,
        workbooks: [...wbs.values()].sort(byName).map((wb) => ({ ...wb, views: [...wb.views].sort(byName) })),
      }))
      .sort(byName),
    total: views.length,
    shown,
    listed: shown,
  };
}

function matches(fields: string[], needle: string): boolean {
  return fields.join("\n").toLowerCase().includes(needle);
}

/**
 * The first `limit` views of `catalog` in the order shown (project, workbook, view by name): a site of
 * thousands of views is searched, not rendered whole on every page load.
 */
export function limitCatalog(catalog: Catalog, limit: number): Catalog {
  if (catalog.listed <= limit) return catalog;
  let left = limit;
  const projects: CatalogProject[] = [];
  for (const project of catalog.projects) {
    if (left === 0) break;
    const workbooks: CatalogWorkbook[] = [];
    for (const workbook of project.workbooks) {
      if (left === 0) break;
      const views = workbook.views.slice(0, left);
      left -= views.length;
      workbooks.push({ ...workbook, views });
    }
    projects.push({ ...project, workbooks });
  }
  return { ...catalog, projects, listed: limit };
}

/**
 * The views of `contentUrls` (`workbook/sheets/sheet`, as Tableau and the recent-views record name them) that
 * `catalog` holds, in the order asked: one Tableau no longer shows the user drops out.
 */
export function pickViews(catalog: Catalog, contentUrls: readonly string[]): CatalogView[] {
  const byPath = new Map(listedViews(catalog).map((v) => [v.path, v]));
  return contentUrls.flatMap((contentUrl) => {
    const [workbook, , sheet] = contentUrl.split("/");
    const view = byPath.get(
      `/views/${encodeURIComponent(workbook ?? "")}/${encodeURIComponent(sheet ?? "")}`,
    );
    return view ? [view] : [];
  });
}

/** Every view `catalog` lists, in the order shown. */
export function listedViews(catalog: Catalog): CatalogView[] {
  return catalog.projects.flatMap((p) => p.workbooks.flatMap((wb) => wb.views));
}

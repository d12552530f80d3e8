/**
 * The Metadata API types the emulator serves (a subset of Tableau's: help.tableau.com metadata_api reference):
 * Workbook, Sheet, Dashboard, PublishedDatasource, TableauUser, Tag. `luid` is the REST id of the same item;
 * `id` is the Metadata API's own id, a different (stable) UUID, as in Tableau.
 */
import type { EmulatorContext } from "../core/context";
import { canSee, canSeeProject } from "../core/lookup";
import type { SiteDatasource, SiteUser, SiteView, SiteWorkbook } from "../core/site";
import { siteIndex } from "../core/site-index";
import { stableUuid } from "../generate/prng";
import { worksheetsOf } from "../render/view-model";
import { many, objectType, one, scalar, type Field } from "./build";
import type { ObjectSpec } from "./graphql/schema-types";

export interface SheetSource {
  workbook: SiteWorkbook;
  view: SiteView;
}

export const metadataId = (kind: string, luid: string) => stableUuid(`metadata:${kind}:${luid}`);

/** What the signed-in user may see, and the links between items, for the resolvers. */
export function graph(ctx: EmulatorContext, user: SiteUser) {
  const index = siteIndex(ctx.site);
  const workbooks = ctx.site.workbooks.filter((w) => canSee(ctx, user, w));
  const sheetsOf = (w: SiteWorkbook, type: "worksheet" | "dashboard"): SheetSource[] =>
    w.views.filter((v) => v.sheetType === type).map((view) => ({ workbook: w, view }));
  return {
    index,
    workbooks,
    sheets: workbooks.flatMap((w) => sheetsOf(w, "worksheet")),
    dashboards: workbooks.flatMap((w) => sheetsOf(w, "dashboard")),
    datasources: ctx.site.datasources.filter((d) => canSeeProject(ctx, user, d.projectId)),
    sheetsOf,
    canSeeDatasource: (d: SiteDatasource) => canSeeProject(ctx, user, d.projectId),
  };
}
export type Graph = ReturnType<typeof graph>;

const dates = <S>(get: (s: S) => { createdAt: string; updatedAt: string }) => ({
  createdAt: scalar<S>("DateTime", (s) => get(s).createdAt),
  updatedAt: scalar<S>("DateTime", (s) => get(s).updatedAt),
});

function sheetFields(g: Graph, kind: string): Record<string, Field<SheetSource>> {
  return {
    id: scalar("ID", (s) => metadataId(kind, s.view.id)),
    luid: scalar("String", (s) => s.view.id),
    name: scalar("String", (s) => s.view.name),
    path: scalar("String", (s) => `${s.workbook.contentUrl}/${s.view.sheetUrl}`),
    index: scalar("Int", (s) => s.workbook.views.indexOf(s.view)),
    documentViewId: scalar("String", (s) => stableUuid(`document-view:${s.view.id}`)),
    ...dates<SheetSource>((s) => s.view),
    workbook: { type: one("Workbook"), resolve: (s) => s.workbook },
    tags: { type: many("Tag"), resolve: (s) => s.view.tags },
  };
}

export function metadataTypes(g: Graph): ObjectSpec[] {
  const owner = (id: string) => g.index.usersById.get(id) ?? null;
  const project = (id: string) => g.index.projectsById.get(id);
  const dashboardsWith = (s: SheetSource) =>
    g.sheetsOf(s.workbook, "dashboard").filter((d) => worksheetsOf(d.workbook, d.view).includes(s.view));
  return [
    objectType<SiteWorkbook>("Workbook", {
      id: scalar("ID", (w) => metadataId("workbook", w.id)),
      luid: scalar("String", (w) => w.id),
      name: scalar("String", (w) => w.name),
      description: scalar("String", (w) => w.description),
      projectName: scalar("String", (w) => project(w.projectId)?.name ?? ""),
      projectLuid: scalar("String", (w) => w.projectId),
      ...dates<SiteWorkbook>((w) => w),
      owner: { type: one("TableauUser"), resolve: (w) => owner(w.ownerId) },
      tags: { type: many("Tag"), resolve: (w) => w.tags },
      sheets: { type: many("Sheet"), resolve: (w) => g.sheetsOf(w, "worksheet") },
      dashboards: { type: many("Dashboard"), resolve: (w) => g.sheetsOf(w, "dashboard") },
      upstreamDatasources: {
        type: many("PublishedDatasource"),
        resolve: (w) =>
          w.connections
            .map((c) => g.index.datasourcesById.get(c.datasourceId))
            .filter((d): d is SiteDatasource => d !== undefined && g.canSeeDatasource(d)),
      },
    }),
    objectType<SheetSource>("Sheet", {
      ...sheetFields(g, "sheet"),
      containedInDashboards: { type: many("Dashboard"), resolve: dashboardsWith },
    }),
    objectType<SheetSource>("Dashboard", {
      ...sheetFields(g, "dashboard"),
      sheets: {
        type: many("Sheet"),
        resolve: (d) => worksheetsOf(d.workbook, d.view).map((view) => ({ workbook: d.workbook, view })),
      },
    }),
    objectType<SiteDatasource>("PublishedDatasource", {
      id: scalar("ID", (d) => metadataId("datasource", d.id)),
      luid: scalar("String", (d) => d.id),
      name: scalar("String", (d) => d.name),
      description: scalar("String", (d) => d.description),
      projectName: scalar("String", (d) => project(d.projectId)?.name ?? ""),
      projectLuid: scalar("String", (d) => d.projectId),
      hasExtracts: scalar("Boolean", (d) => d.hasExtracts),
      isCertified: scalar("Boolean", (d) => d.isCertified),
      ...dates<SiteDatasource>((d) => d),
      owner: { type: one("TableauUser"), resolve: (d) => owner(d.ownerId) },
      tags: { type: many("Tag"), resolve: (d) => d.tags },
      downstreamWorkbooks: {
        type: many("Workbook"),
        resolve: (d) => g.workbooks.filter((w) => w.connections.some((c) => c.datasourceId === d.id)),
      },
    }),
    objectType<SiteUser>("TableauUser", {
      id: scalar("ID", (u) => metadataId("user", u.id)),
      luid: scalar("String", (u) => u.id),
      name: scalar("String", (u) => u.fullName),
      username: scalar("String", (u) => u.name),
      email: scalar("String", (u) => u.email),
    }),
    objectType<string>("Tag", {
      id: scalar("ID", (t) => metadataId("tag", t)),
      name: scalar("String", (t) => t),
    }),
    objectType<{
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    }>("PageInfo", {
      hasNextPage: scalar("Boolean", (p) => p.hasNextPage),
      hasPreviousPage: scalar("Boolean", (p) => p.hasPreviousPage),
      startCursor: scalar("String", (p) => p.startCursor),
      endCursor: scalar("String", (p) => p.endCursor),
    }),
  ];
}

/**
 * Lookup tables over a site, built once per {@link SiteData} object (cached in a WeakMap, so the context
 * contract stays unchanged) and reused by every request: 10,000 workbooks must not be scanned per lookup.
 */
import type { Project, SiteData, SiteDatasource, SiteGroup, SiteUser, SiteView, SiteWorkbook } from "./site";

export interface ViewEntry {
  /** The view's id (so a list of entries sorts and pages like any other list). */
  id: string;
  workbook: SiteWorkbook;
  view: SiteView;
}

export interface SiteIndex {
  workbooksById: Map<string, SiteWorkbook>;
  workbooksByContentUrl: Map<string, SiteWorkbook>;
  viewsById: Map<string, ViewEntry>;
  /** Every view of the site, in workbook order. */
  views: ViewEntry[];
  usersById: Map<string, SiteUser>;
  /** By Tableau username, exactly as stored (names are case-sensitive). */
  usersByName: Map<string, SiteUser>;
  projectsById: Map<string, Project>;
  groupsById: Map<string, SiteGroup>;
  /** The groups each user belongs to, by user id (All Users included), in the site's group order. */
  groupsByUser: Map<string, SiteGroup[]>;
  datasourcesById: Map<string, SiteDatasource>;
  /** Sorted orderings of workbooks/views keyed by a sort description, filled on first use. */
  sortCache: Map<string, readonly unknown[]>;
}

const cache = new WeakMap<SiteData, SiteIndex>();

export function siteIndex(site: SiteData): SiteIndex {
  let index = cache.get(site);
  if (!index) {
    index = buildIndex(site);
    cache.set(site, index);
  }
  return index;
}

function buildIndex(site: SiteData): SiteIndex {
  const views: ViewEntry[] = [];
  const viewsById = new Map<string, ViewEntry>();
  for (const workbook of site.workbooks) {
    for (const view of workbook.views) {
      const entry = { id: view.id, workbook, view };
      views.push(entry);
      viewsById.set(view.id, entry);
    }
  }
  return {
    workbooksById: new Map(site.workbooks.map((w) => [w.id, w])),
    workbooksByContentUrl: new Map(site.workbooks.map((w) => [w.contentUrl, w])),
    viewsById,
    views,
    usersById: new Map(site.users.map((u) => [u.id, u])),
    usersByName: new Map(site.users.map((u) => [u.name, u])),
    projectsById: new Map(site.projects.map((p) => [p.id, p])),
    groupsById: new Map(site.groups.map((g) => [g.id, g])),
    groupsByUser: groupsByUser(site),
    datasourcesById: new Map(site.datasources.map((d) => [d.id, d])),
    sortCache: new Map(),
  };
}

function groupsByUser(site: SiteData): Map<string, SiteGroup[]> {
  const out = new Map<string, SiteGroup[]>(site.users.map((u) => [u.id, []]));
  for (const group of site.groups) {
    const ids = group.allUsers ? site.users.map((u) => u.id) : group.memberIds;
    for (const id of ids) out.get(id)?.push(group);
  }
  return out;
}

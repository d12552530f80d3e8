/**
 * Reads one page of the site's workbooks as a Tableau user: the page (or a name search), the project names for
 * the filter, and each workbook's default view link. Authorisation is the caller's job (the action).
 */
import "server-only";
import { shared } from "@/lib/store";
import type { TableauClient, Workbook } from "@/lib/tableau/rest";
import type { WorkbookQuery } from "./query";
import type { WorkbookRow } from "./result";

const PROJECTS_TTL_MS = 60_000;
type ProjectNames = Map<string, { at: number; names: Promise<string[]> }>;
const projectCache = () => shared<ProjectNames>("admin.project-names", () => new Map());

export interface LoadedPage {
  rows: WorkbookRow[];
  total: number;
  projects: string[];
}

export async function loadWorkbooksPage(
  client: TableauClient,
  username: string,
  query: WorkbookQuery,
): Promise<LoadedPage> {
  const filter = query.project ? [{ field: "projectName", op: "eq" as const, value: query.project }] : [];
  // Tableau sorts ties arbitrarily; a second key keeps paging stable when many workbooks share a value.
  const sort = [{ field: query.sort, direction: query.dir }, ...(query.sort === "name" ? [] : [nameAsc])];
  const page = { pageSize: query.pageSize, pageNumber: query.page };
  const [list, projects] = await Promise.all([
    query.q
      ? client.searchWorkbooks(username, { contains: query.q, filter, sort, ...page })
      : client.listWorkbooks(username, { filter, sort, ...page }),
    projectNames(client, username),
  ]);
  const paths = await client.resolveDefaultViewPaths(username, list.items);
  return { rows: list.items.map((w) => toRow(w, paths.get(w.id))), total: list.totalAvailable, projects };
}

const nameAsc = { field: "name", direction: "asc" as const };

function toRow(w: Workbook, viewPath: string | undefined): WorkbookRow {
  const row: WorkbookRow = {
    id: w.id,
    name: w.name,
    projectName: w.projectName,
    ownerName: w.ownerName,
    updatedAt: w.updatedAt,
    sizeMb: w.sizeMb,
  };
  if (viewPath) row.viewPath = viewPath;
  return row;
}

/** Projects change rarely; caching the names per user for a minute saves a request on every listing. */
export function projectNames(client: TableauClient, username: string): Promise<string[]> {
  const now = Date.now();
  const hit = projectCache().get(username);
  if (hit && now - hit.at < PROJECTS_TTL_MS) return hit.names;
  const names = client
    .listProjects(username)
    .then((ps) => [...new Set(ps.map((p) => p.name))].sort((a, b) => a.localeCompare(b)));
  projectCache().set(username, { at: now, names });
  names.catch(() => projectCache().delete(username));
  return names;
}

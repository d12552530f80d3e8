/** Query Projects: every project the user can see, all pages (sites rarely have more than a few hundred). */
import { getJson, type RestContext } from "./context";
import { reshapeProject } from "./reshape";
import type { Project } from "./types";
import { projectsResponseSchema } from "./wire";

const PAGE_SIZE = 1000;
/** Stops a misbehaving server from paging us forever. */
const MAX_PAGES = 50;

export async function listProjects(ctx: RestContext, username: string): Promise<Project[]> {
  const projects: Project[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = { pageSize: PAGE_SIZE, pageNumber: page, sort: "name:asc" };
    const data = await getJson(ctx, username, "/projects", query, projectsResponseSchema);
    projects.push(...data.projects.map(reshapeProject));
    if (data.projects.length === 0 || projects.length >= data.pagination.totalAvailable) break;
  }
  return projects;
}

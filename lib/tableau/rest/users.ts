/**
 * Get Users on Site, for checking the portal's mappings: which of some usernames are users of the site, with
 * their site role. Needs the `tableau:users:read` scope, and a site administrator to see everyone.
 */
import { getJson, type RestContext } from "./context";
import { buildFilter, USER_FIELDS } from "./filter";
import type { SiteUser } from "./types";
import { usersResponseSchema } from "./wire";

const PAGE_SIZE = 1000;
const MAX_PAGES = 200;
/** Names per request: Tableau's filter takes a list, and a URL has its limits. */
const NAMES_PER_REQUEST = 50;

/** The site users named in `names` (exact, as Tableau matches them), keyed by name. */
export async function findSiteUsers(
  ctx: RestContext,
  username: string,
  names: readonly string[],
): Promise<Map<string, SiteUser>> {
  const found = new Map<string, SiteUser>();
  const unique = [...new Set(names.filter((name) => name !== ""))];
  for (let i = 0; i < unique.length; i += NAMES_PER_REQUEST) {
    const batch = unique.slice(i, i + NAMES_PER_REQUEST);
    const filter = buildFilter(
      [
        batch.length === 1
          ? { field: "name", op: "eq", value: batch[0] ?? "" }
          : { field: "name", op: "in", value: batch },
      ],
      USER_FIELDS,
    );
    const data = await getJson(ctx, username, "/users", { filter, pageSize: PAGE_SIZE }, usersResponseSchema);
    for (const user of data.users)
      found.set(user.name, { id: user.id, name: user.name, siteRole: user.siteRole });
  }
  return found;
}

/** Every user of the site, all pages. */
export async function listSiteUsers(ctx: RestContext, username: string): Promise<SiteUser[]> {
  const users: SiteUser[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = { pageSize: PAGE_SIZE, pageNumber: page, sort: "name:asc" };
    const data = await getJson(ctx, username, "/users", query, usersResponseSchema);
    users.push(...data.users.map((u) => ({ id: u.id, name: u.name, siteRole: u.siteRole })));
    if (data.users.length === 0 || users.length >= data.pagination.totalAvailable) break;
  }
  return users;
}

/** Query Site: by id (the default), by contentUrl or by name (`?key=contentUrl|name`, as in Tableau). */
import { SCOPES } from "./auth";
import { restErrors } from "./errors";
import { respond } from "./format";
import type { RestRoute, SessionHandler } from "./route";

const KEYS = ["id", "name", "contentUrl"] as const;
type Key = (typeof KEYS)[number];

export const querySite: SessionHandler = (req, ctx) => {
  const raw = req.url.searchParams.get("key") ?? "id";
  // Tableau reads the key's value case-insensitively (`contentUrl`, `contenturl`).
  const key = KEYS.find((k) => k.toLowerCase() === raw.toLowerCase());
  if (!key) throw restErrors.badRequest(`key '${raw}' is not valid: use id, name or contentUrl.`);
  const { site } = ctx.site;
  const wanted = req.params.siteId ?? "";
  // One site per emulator, the one signed in to: any other names no site the session can reach.
  if (site[key satisfies Key] !== wanted) throw restErrors.siteNotFound(wanted);
  return respond(req, 200, {
    site: {
      id: site.id,
      name: site.name,
      contentUrl: site.contentUrl,
      adminMode: "ContentAndUsers",
      state: "Active",
      revisionHistoryEnabled: "true",
      revisionLimit: "25",
      subscribeOthersEnabled: "true",
      catalogingEnabled: "true",
      attributeCaptureEnabled: "true",
    },
  });
};

export const siteRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId",
    since: "2.0",
    name: "Query Site",
    auth: SCOPES.contentRead,
    siteLookup: true,
    handler: querySite,
  },
];

/**
 * The REST API surface under `/api/{version}/`: one table of every method (rest/route.ts says what a row
 * holds), gathered from a small file per resource. A new resource adds its file's routes here. Fixed path
 * segments match in any case, as Tableau's do (clients send both `serverinfo` and `serverInfo`).
 */
import type { Router } from "../core/http";
import { authRoutes } from "./signin";
import { customViewRoutes } from "./custom-views";
import { datasourceRoutes } from "./datasources";
import { downloadRoutes } from "./downloads";
import { favoriteRoutes } from "./favorites";
import { groupRoutes } from "./groups";
import { imageRoutes } from "./images";
import { jobRoutes } from "./jobs";
import { permissionRoutes } from "./permissions";
import { projectRoutes } from "./projects";
import { restHandler, type RestRoute } from "./route";
import { serverInfoRoutes } from "./serverinfo";
import { siteRoutes } from "./site";
import { userRoutes } from "./users";
import { viewRoutes } from "./views";
import { workbookRoutes } from "./workbooks";

export const REST_ROUTES: readonly RestRoute[] = [
  ...serverInfoRoutes,
  ...authRoutes,
  ...siteRoutes,
  ...userRoutes,
  ...groupRoutes,
  ...projectRoutes,
  ...workbookRoutes,
  ...viewRoutes,
  ...imageRoutes,
  ...downloadRoutes,
  ...datasourceRoutes,
  ...permissionRoutes,
  ...jobRoutes,
  ...favoriteRoutes,
  ...customViewRoutes,
];

export function registerRestRoutes(router: Router): void {
  for (const route of REST_ROUTES)
    router.add(route.method, `/api/:version/${route.path}`, restHandler(route), { ignoreCase: true });
}

/** The REST API surface under `/api/{version}/` (versions checked in rest/handler.ts). */
import type { Router } from "../core/http";
import { restRoute } from "./handler";
import { viewImage, viewPreviewImage, workbookPreviewImage } from "./images";
import { queryProjects, queryUsers } from "./projects";
import { serverInfo } from "./serverinfo";
import { signIn, signOut } from "./signin";
import { querySite, queryUserWorkbooks } from "./site";
import { getView, queryViews } from "./views";
import { getWorkbook, queryWorkbooks, queryWorkbookViews } from "./workbooks";

export function registerRestRoutes(router: Router): void {
  const site = "/api/:version/sites/:siteId";
  router
    .add("GET", "/api/:version/serverinfo", restRoute(serverInfo))
    .add("POST", "/api/:version/auth/signin", restRoute(signIn))
    .add("POST", "/api/:version/auth/signout", restRoute(signOut))
    .add("GET", `${site}/workbooks`, restRoute(queryWorkbooks))
    .add("GET", `${site}/workbooks/:workbookId`, restRoute(getWorkbook))
    .add("GET", `${site}/workbooks/:workbookId/views`, restRoute(queryWorkbookViews))
    .add("GET", `${site}/workbooks/:workbookId/previewImage`, restRoute(workbookPreviewImage))
    .add("GET", `${site}/workbooks/:workbookId/views/:viewId/previewImage`, restRoute(viewPreviewImage))
    .add("GET", `${site}/views`, restRoute(queryViews))
    .add("GET", `${site}/views/:viewId`, restRoute(getView))
    .add("GET", `${site}/views/:viewId/image`, restRoute(viewImage))
    .add("GET", `${site}/projects`, restRoute(queryProjects))
    .add("GET", `${site}/users`, restRoute(queryUsers))
    .add("GET", `${site}/users/:userId/workbooks`, restRoute(queryUserWorkbooks))
    .add("GET", site, restRoute(querySite));
}

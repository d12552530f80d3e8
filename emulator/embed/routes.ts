/**
 * The embedding surface: sign-in (CORS, cookie), the iframe sign-in redirect, view pages and their images,
 * and the emulator's own Embedding API v3 script. See README.md in this folder for the message format between
 * the script and the view page and for the sign-in error body.
 */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest, EmuResponse, Router } from "../core/http";
import { assets, VIEW_PAGE_MODULES } from "./assets";
import { CUSTOM_VIEW_API, handleCustomViewApi } from "./custom-view-api";
import { handleSignin, handleSigninPreflight, handleTarget } from "./signin";
import { handleView } from "./view-routes";

const SIGNIN = "/vizportal/api/web/v1/auth/embed/signin";

/** Serves a browser module; any page may load the Embedding API, so CORS is open for these files. */
function serveAsset(req: EmuRequest, _ctx: EmulatorContext): EmuResponse {
  const asset = assets().get(req.path);
  if (!asset)
    return { status: 404, headers: { "content-type": "text/plain; charset=utf-8" }, body: "Not found." };
  const headers = {
    "content-type": "application/javascript; charset=utf-8",
    "access-control-allow-origin": "*",
    "cache-control": "public, max-age=300",
    etag: asset.etag,
    "x-content-type-options": "nosniff",
  };
  if (req.headers["if-none-match"] === asset.etag) return { status: 304, headers };
  return { status: 200, headers, body: asset.body };
}

export function registerEmbedRoutes(router: Router): void {
  router.add("OPTIONS", SIGNIN, handleSigninPreflight);
  router.add("POST", SIGNIN, handleSignin);
  router.add("GET", "/vizportal/api/web/v1/auth/embed/target", handleTarget);
  router.add("GET", "/javascripts/api/:file", serveAsset);
  router.add("GET", `${VIEW_PAGE_MODULES}/:file`, serveAsset);
  router.add("GET", "/t/:site/views/:workbook/:sheet", handleView);
  router.add("GET", "/views/:workbook/:sheet", handleView);
  router.add("GET", "/t/:site/views/:workbook/:sheet/:customViewId/:urlName", handleView);
  router.add("GET", "/views/:workbook/:sheet/:customViewId/:urlName", handleView);
  router.add("POST", CUSTOM_VIEW_API, handleCustomViewApi);
}

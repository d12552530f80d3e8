/**
 * The embedding surface: sign-in (CORS, cookie), the iframe sign-in redirect, view pages and their images,
 * and the emulator's own Embedding API v3 script. See README.md in this folder for the message format between
 * the script and the view page and for the sign-in error body.
 */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest, EmuResponse, Router } from "../core/http";
import { assets } from "./assets";
import { handleSignin, handleSigninPreflight, handleTarget } from "./signin";
import { handleView } from "./view-routes";

const SIGNIN = "/vizportal/api/web/v1/auth/embed/signin";
const SCRIPT_PATHS = [
  "/javascripts/api/tableau.embedding.3.latest.min.js",
  "/javascripts/api/tableau.embedding.3.latest.js",
];

function serveScript(req: EmuRequest, _ctx: EmulatorContext): EmuResponse {
  const { viz } = assets();
  const headers = {
    "content-type": "application/javascript; charset=utf-8",
    "access-control-allow-origin": "*",
    "cache-control": "public, max-age=300",
    etag: viz.etag,
    "x-content-type-options": "nosniff",
  };
  if (req.headers["if-none-match"] === viz.etag) return { status: 304, headers };
  return { status: 200, headers, body: viz.body };
}

export function registerEmbedRoutes(router: Router): void {
  router.add("OPTIONS", SIGNIN, handleSigninPreflight);
  router.add("POST", SIGNIN, handleSignin);
  router.add("GET", "/vizportal/api/web/v1/auth/embed/target", handleTarget);
  for (const path of SCRIPT_PATHS) router.add("GET", path, serveScript);
  router.add("GET", "/t/:site/views/:workbook/:sheet", handleView);
  router.add("GET", "/views/:workbook/:sheet", handleView);
}

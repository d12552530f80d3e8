/**
 * One REST method of the route table (rest/routes.ts): Tableau's name for it, its path under `/api/{version}/`,
 * the version that introduced it and what it needs (no session, any session, or a JWT scope). The wrapper
 * checks those in Tableau's order (version, then session, then scope) and turns a thrown
 * {@link TableauRestError} into Tableau's error body, JSON or XML by `Accept`.
 */
import type { EmulatorContext, Session } from "../core/context";
import type { EmuRequest, EmuResponse, Handler } from "../core/http";
import { requireSession, type Scope } from "./auth";
import { TableauRestError } from "./errors";
import { checkVersion } from "./versions";

export type SessionHandler = (
  req: EmuRequest,
  ctx: EmulatorContext,
  session: Session,
) => EmuResponse | Promise<EmuResponse>;

interface RouteBase {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Under `/api/{version}/`, e.g. `sites/:siteId/workbooks`; fixed segments match in any case. */
  path: string;
  /** The REST API version that introduced the method. */
  since: string;
  /** Tableau's name for the method, e.g. "Query Workbooks for Site". */
  name: string;
}

export type RestRoute = RouteBase &
  (
    | { auth: "none"; handler: Handler }
    | {
        /** "session": signed in, no particular scope (sign-out). */
        auth: "session" | Scope;
        handler: SessionHandler;
        /** Query Site: the path's site segment is looked up by the handler (id, name or contentUrl). */
        siteLookup?: boolean;
      }
  );

export function restHandler(route: RestRoute): Handler {
  return async (req, ctx) => {
    try {
      checkVersion(req.params.version ?? "", route, ctx.config);
      if (route.auth === "none") return await route.handler(req, ctx);
      const session = requireSession(req, ctx, {
        scope: route.auth === "session" ? undefined : route.auth,
        siteInPath: !route.siteLookup,
      });
      return await route.handler(req, ctx, session);
    } catch (err) {
      if (err instanceof TableauRestError) return err.toResponse(req);
      throw err;
    }
  };
}

/** `POST /api/{v}/auth/signin` (Connected App JWT) and `POST /api/{v}/auth/signout`. */
import type { Handler } from "../core/http";
import { createSession, deleteSession } from "../core/sessions";
import { recordSignin } from "../core/signins";
import { verifyConnectedAppJwt } from "../jwt/verify";
import { restErrors } from "./errors";
import { respond } from "./format";
import type { RestRoute, SessionHandler } from "./route";
import { parseSigninBody } from "./signin-body";
import { compareVersions } from "./versions";

/** Connected App credentials joined the sign-in request at this version (tableau-reference.md §3). */
export const JWT_SIGNIN_SINCE = "3.17";

const EMBED_SCOPES = new Set([
  "tableau:views:embed",
  "tableau:views:embed_authoring",
  "tableau:insights:embed",
]);
/** REST sign-in accepts a token holding any REST scope; each later call checks its own scope. */
const isRestScope = (scope: string) => scope.startsWith("tableau:") && !EMBED_SCOPES.has(scope);

export const signIn: Handler = (req, ctx) => {
  const body = parseSigninBody(req.body, req.headers["content-type"]);
  const version = req.params.version ?? "";
  // Older versions' request schema has no jwt credential, so Tableau would refuse the body as malformed.
  if (compareVersions(version, JWT_SIGNIN_SINCE) < 0)
    throw restErrors.badRequest(
      `Connected App (JWT) sign-in needs REST API ${JWT_SIGNIN_SINCE} or later; this request used ${version}.`,
    );
  if (body.siteContentUrl !== ctx.site.site.contentUrl) {
    recordSignin(ctx, "rest", body.jwt, { outcome: "rejected", code: "404000" });
    throw restErrors.siteNotFound(body.siteContentUrl);
  }
  const check = verifyConnectedAppJwt(ctx, body.jwt, { scope: isRestScope });
  if (!check.ok) {
    recordSignin(ctx, "rest", body.jwt, {
      outcome: "rejected",
      code: "401001",
      connectedAppCode: check.connectedAppCode,
    });
    throw restErrors.signinError(check.connectedAppCode);
  }
  const session = createSession(ctx, "rest", check.identity);
  recordSignin(ctx, "rest", body.jwt, { outcome: "ok" });
  const idle = ctx.config.sessionIdleMinutes;
  return respond(req, 200, {
    credentials: {
      site: { id: ctx.site.site.id, contentUrl: ctx.site.site.contentUrl },
      user: { id: check.identity.user.id },
      token: session.id,
      estimatedTimeToExpiration: `${Math.floor(idle / 60)}:${String(idle % 60).padStart(2, "0")}:00`,
    },
  });
};

export const signOut: SessionHandler = (_req, ctx, session) => {
  deleteSession(ctx, session.id);
  return { status: 204 };
};

export const authRoutes: RestRoute[] = [
  { method: "POST", path: "auth/signin", since: "2.0", name: "Sign In", auth: "none", handler: signIn },
  { method: "POST", path: "auth/signout", since: "2.0", name: "Sign Out", auth: "session", handler: signOut },
];

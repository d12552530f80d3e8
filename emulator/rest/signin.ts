/** `POST /api/{v}/auth/signin` (Connected App JWT) and `POST /api/{v}/auth/signout`. */
import type { Handler } from "../core/http";
import { createSession, deleteSession } from "../core/sessions";
import { recordSignin } from "../core/signins";
import { verifyConnectedAppJwt } from "../jwt/verify";
import { requireSession } from "./auth";
import { restErrors } from "./errors";
import { respond } from "./format";
import { parseSigninBody } from "./signin-body";

const EMBED_SCOPES = new Set([
  "tableau:views:embed",
  "tableau:views:embed_authoring",
  "tableau:insights:embed",
]);
/** REST sign-in accepts a token holding any REST scope; each later call checks its own scope. */
const isRestScope = (scope: string) => scope.startsWith("tableau:") && !EMBED_SCOPES.has(scope);

export const signIn: Handler = (req, ctx) => {
  const body = parseSigninBody(req.body, req.headers["content-type"]);
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

export const signOut: Handler = (req, ctx) => {
  const session = requireSession(req, ctx);
  deleteSession(ctx, session.id);
  return { status: 204 };
};

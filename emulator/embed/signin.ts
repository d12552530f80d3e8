/**
 * Embedded sign-in: the POST a `<tableau-viz>` makes before loading its iframe, and the `target` redirect
 * used for iframe sign-in. Both check the Connected App JWT with an embedding scope and the page's origin,
 * open an embed session and set the `workgroup_session_id` cookie (HttpOnly, SameSite=Lax, host-only, so it
 * reaches iframes on other `localhost` ports).
 *
 * Failure body (the emulator's own design, see README.md): HTTP 401 with
 * `{"result":{"errors":[{"code":<Connected App code>,"message":"…"}]}}`.
 */
import { z } from "zod";
import type { EmulatorContext, JwtIdentity, SigninRecord } from "../core/context";
import { json, type EmuRequest, type EmuResponse } from "../core/http";
import { createSession } from "../core/sessions";
import { recordSignin } from "../core/signins";
import { verifyConnectedAppJwt } from "../jwt/verify";
import { CA } from "../jwt/codes";
import { corsHeaders, embedOrigins, header, originAllowed, requestOrigin } from "./origins";
import { errorPage } from "./pages";

export const SESSION_COOKIE = "workgroup_session_id";
const EMBED_SCOPES = new Set(["tableau:views:embed", "tableau:views:embed_authoring"]);

const signinBodySchema = z.object({
  siteName: z.string().max(256).default(""),
  jwt: z.string().min(1).max(16_384),
});

type Outcome = { ok: true; identity: JwtIdentity } | { ok: false; connectedAppCode: number; reason: string };

function checkToken(ctx: EmulatorContext, siteName: string, token: string, origin: string | null): Outcome {
  if (siteName !== ctx.site.site.contentUrl) {
    return {
      ok: false,
      connectedAppCode: CA.LOGIN_FAILED,
      reason: `there is no site "${siteName}" on this server`,
    };
  }
  return verifyConnectedAppJwt(ctx, token, { scope: (s) => EMBED_SCOPES.has(s), origin });
}

function record(
  ctx: EmulatorContext,
  kind: SigninRecord["kind"],
  token: string,
  outcome: Outcome,
  origin: string | null,
): void {
  recordSignin(ctx, kind, token, {
    ...(origin ? { origin } : {}),
    ...(outcome.ok
      ? { outcome: "ok" }
      : { outcome: "rejected", code: "401001", connectedAppCode: outcome.connectedAppCode }),
  });
}

function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`;
}

export function failureBody(
  code: number,
  message: string,
): { result: { errors: { code: number; message: string }[] } } {
  return { result: { errors: [{ code, message }] } };
}

function failureMessage(outcome: Extract<Outcome, { ok: false }>): string {
  return `Connected App sign-in failed: ${outcome.reason} (${outcome.connectedAppCode})`;
}

export function handleSigninPreflight(req: EmuRequest, ctx: EmulatorContext): EmuResponse {
  const origin = header(req.headers.origin);
  if (!originAllowed(ctx, origin)) return { status: 403, headers: { vary: "Origin" } };
  return {
    status: 204,
    headers: {
      ...corsHeaders(ctx, origin),
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers":
        header(req.headers["access-control-request-headers"]) ?? "Content-Type, Accept",
      "access-control-max-age": "600",
    },
  };
}

export function handleSignin(req: EmuRequest, ctx: EmulatorContext): EmuResponse {
  const origin = header(req.headers.origin);
  const cors = corsHeaders(ctx, origin);
  let raw: unknown;
  try {
    raw = JSON.parse(req.body.toString("utf8"));
  } catch {
    return json(400, failureBody(400000, 'The body must be JSON: {"siteName":"…","jwt":"…"}.'), cors);
  }
  const parsed = signinBodySchema.safeParse(raw);
  if (!parsed.success) {
    return json(
      400,
      failureBody(400000, 'The body must hold "jwt" (a string) and "siteName" (a string).'),
      cors,
    );
  }
  const pageOrigin = origin && origin !== "null" ? origin : null;
  const outcome = checkToken(ctx, parsed.data.siteName, parsed.data.jwt, pageOrigin);
  record(ctx, "embed", parsed.data.jwt, outcome, pageOrigin);
  if (!outcome.ok) return json(401, failureBody(outcome.connectedAppCode, failureMessage(outcome)), cors);
  const session = createSession(ctx, "embed", outcome.identity);
  const { user } = outcome.identity;
  return json(
    200,
    {
      result: {
        user: { name: user.name, displayName: user.fullName },
        site: { contentUrl: ctx.site.site.contentUrl },
      },
    },
    { ...cors, "set-cookie": sessionCookie(session.id), "cache-control": "no-store" },
  );
}

/** A same-origin path (`/t/site/views/…`), never a URL to elsewhere (`//evil`, `https://…`, `/\evil`). */
export function safeTarget(target: string | null, publicUrl: string): string | null {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return null;
  try {
    const base = new URL(publicUrl);
    const url = new URL(target, base);
    return url.origin === base.origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

export function handleTarget(req: EmuRequest, ctx: EmulatorContext): EmuResponse {
  const target = safeTarget(req.url.searchParams.get("target"), ctx.config.publicUrl);
  if (!target) {
    return errorPage(
      400,
      "Bad request",
      "The target must be a path on this server, such as /t/site/views/Workbook/Sheet.",
    );
  }
  const token = req.url.searchParams.get("token");
  if (!token) return errorPage(400, "Bad request", "The token parameter is missing.");
  const siteMatch = /^\/t\/([^/]+)\//.exec(target);
  const siteName = siteMatch ? safeDecode(siteMatch[1]!) : "";
  const origin = requestOrigin(req.headers);
  const outcome = checkToken(ctx, siteName, token, origin);
  record(ctx, "embed-target", token, outcome, origin);
  if (!outcome.ok) {
    const body = JSON.stringify(failureBody(outcome.connectedAppCode, failureMessage(outcome)));
    return errorPage(
      401,
      "Sign-in failed",
      failureMessage(outcome),
      { page: "auth-error", statusCode: 401, body },
      embedOrigins(ctx),
    );
  }
  const session = createSession(ctx, "embed", outcome.identity);
  return {
    status: 302,
    headers: { location: target, "set-cookie": sessionCookie(session.id), "cache-control": "no-store" },
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

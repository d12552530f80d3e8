/**
 * Auth.js answers a failed OpenID Connect sign-in with a redirect to the error page (`?error=Configuration`,
 * for almost everything) or to the login page (`?error=OAuthCallbackError`). Given the error it logged, the
 * redirect is pointed at the SSO error page with the reason that says what happened.
 */
import "server-only";
import { classifySsoError } from "./classify-error";
import { SSO_ERROR_PATH, ssoErrorUrl } from "./error-reasons";

const LOGIN_PATH = "/login";

/**
 * The failure's own page, when `response` is Auth.js's redirect for a failed sign-in; else `response`.
 * `request` is the one Auth.js answered: a provider's error redirect carries its `error` parameter.
 */
export function withSsoErrorReason(response: Response, error: unknown, request: Request): Response {
  if (error === undefined) return response;
  const location = response.headers.get("location");
  if (!location || response.status < 300 || response.status >= 400) return response;
  const target = new URL(location, "http://portal.invalid");
  const type = target.searchParams.get("error");
  const failed =
    target.pathname === SSO_ERROR_PATH ||
    (target.pathname === LOGIN_PATH && type !== null && type !== "CredentialsSignin");
  if (!failed) return response;
  const headers = new Headers(response.headers);
  const page = ssoErrorUrl(classifySsoError(error, new URL(request.url).searchParams.get("error")));
  headers.set("location", /^https?:/i.test(location) ? new URL(page, location).href : page);
  return new Response(null, { status: response.status, headers });
}

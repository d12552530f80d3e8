/**
 * Turns what Auth.js logged for a failed OpenID Connect sign-in into a reason code (error-reasons.ts). Auth.js
 * itself redirects every such failure to one page with a lossy `?error=` type (most are "Configuration"), so
 * the real error, caught from its logger, is read here. It looks at stable markers only: Auth.js's `type`,
 * oauth4webapi's `code`, the OAuth `error` parameter and Node's error codes, never class names (the
 * production build minifies them).
 */
import type { SsoErrorReason } from "./error-reasons";

type Loose = {
  name?: unknown;
  type?: unknown;
  code?: unknown;
  message?: unknown;
  error?: unknown;
  status?: unknown;
  cause?: unknown;
};

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
]);

/** The error and everything it was caused by (Auth.js nests the original as `cause.err`). */
function chain(error: unknown): Loose[] {
  const seen: Loose[] = [];
  let current: unknown = error;
  while (typeof current === "object" && current !== null && seen.length < 8 && !seen.includes(current)) {
    const loose = current as Loose;
    seen.push(loose);
    const cause = loose.cause as Loose | undefined;
    const err = typeof cause === "object" && cause !== null ? (cause as { err?: unknown }).err : undefined;
    current = err ?? cause;
  }
  return seen;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The HTTP status of a provider's answer an oauth4webapi error carries (its `cause` is the Response). */
function statusOf(error: Loose): number | undefined {
  if (typeof error.status === "number") return error.status;
  const cause = error.cause as Loose | undefined;
  return typeof cause?.status === "number" ? cause.status : undefined;
}

function oauthErrorParam(error: Loose): string {
  if (typeof error.error === "string") return error.error;
  // A 401 with WWW-Authenticate: oauth4webapi's cause is the list of challenges, each with its parameters.
  if (Array.isArray(error.cause)) {
    const [challenge] = error.cause as Array<{ parameters?: { error?: unknown } }>;
    return text(challenge?.parameters?.error);
  }
  const cause = error.cause as Loose | undefined;
  return text(cause?.error);
}

/** An OAuth error response's `error` parameter (RFC 6749 4.1.2.1) as a reason. */
function oauthReason(param: string): SsoErrorReason {
  return param === "access_denied" || param === "consent_required" || param === "login_required"
    ? "access_denied"
    : "provider_error";
}

function reasonOf(error: Loose, callbackError: string | null): SsoErrorReason | undefined {
  const name = text(error.name);
  const code = text(error.code);
  const message = text(error.message).toLowerCase();
  if (name === "TimeoutError" || name === "AbortError") return "provider_unreachable";
  if (NETWORK_CODES.has(code) || (name === "TypeError" && message.startsWith("fetch failed")))
    return "provider_unreachable";
  // Auth.js keeps the provider's `error` parameter out of this error, so the callback's own query supplies it.
  if (error.type === "OAuthCallbackError")
    return oauthReason(oauthErrorParam(error) || (callbackError ?? ""));
  if (error.type === "InvalidCheck") {
    if (message.includes("nonce")) return "nonce_mismatch";
    // A missing state or PKCE cookie: the sign-in began elsewhere, or its 15 minutes ran out.
    return "state_mismatch";
  }
  if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && message.includes("nonce")) return "nonce_mismatch";
  if (code === "OAUTH_INVALID_RESPONSE" && message.includes('"state"')) return "state_mismatch";
  if (code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED" || code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED")
    return "misconfigured";
  const status = statusOf(error);
  if (code.startsWith("OAUTH_") && status !== undefined && status >= 500) return "provider_unreachable";
  if (code === "OAUTH_RESPONSE_BODY_ERROR" || code === "OAUTH_WWW_AUTHENTICATE_CHALLENGE") {
    const param = oauthErrorParam(error);
    if (param === "invalid_grant") return "sign_in_expired";
    if (param === "invalid_client" || param === "unauthorized_client") return "misconfigured";
    return "provider_error";
  }
  if (code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || code === "OAUTH_RESPONSE_IS_NOT_JSON")
    return "provider_error";
  return undefined;
}

/**
 * The reason for a failed sign-in: the first link of the error's chain that says what happened.
 * `callbackError` is the `error` parameter of the provider's redirect to the callback, if any.
 */
export function classifySsoError(error: unknown, callbackError: string | null = null): SsoErrorReason {
  for (const link of chain(error)) {
    const reason = reasonOf(link, callbackError);
    if (reason) return reason;
  }
  return "unknown";
}

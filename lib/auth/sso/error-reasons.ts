/**
 * What can go wrong between the portal and the identity provider, as stable reason codes for
 * `/login/sso-error?reason=…`, each with a page text that says what happened and what to do. The page renders
 * from the code alone, so nothing from the query string (or the provider) is ever echoed.
 */

export type SsoErrorReason =
  | "provider_unreachable"
  | "access_denied"
  | "state_mismatch"
  | "nonce_mismatch"
  | "sign_in_expired"
  | "email_unverified"
  | "provider_error"
  | "misconfigured"
  | "not_configured"
  | "unknown";

export interface SsoErrorText {
  title: string;
  what: string;
  todo: string;
}

const TEXTS: Record<SsoErrorReason, SsoErrorText> = {
  provider_unreachable: {
    title: "The identity provider is not answering",
    what: "The portal could not reach your organisation's sign-in service, or it took too long to answer.",
    todo: "Try again in a few minutes. If it keeps happening, tell your IT team: the sign-in service may be down.",
  },
  access_denied: {
    title: "Sign-in cancelled",
    what: "The sign-in was cancelled at the identity provider, or the portal was not allowed to see your account.",
    todo: "To use the portal, sign in again and allow it to see your name, e-mail address and groups.",
  },
  state_mismatch: {
    title: "This sign-in could not be checked",
    what:
      "The answer from the identity provider did not belong to a sign-in started in this browser (it may have " +
      "been started in another tab or browser, or cookies were blocked).",
    todo: "Start again from the portal's sign-in page, in this browser, with cookies allowed for the portal.",
  },
  nonce_mismatch: {
    title: "This sign-in could not be checked",
    what: "The identity provider's token did not match the sign-in this browser started, so the portal refused it.",
    todo: "Start again from the portal's sign-in page. If it keeps happening, tell the portal's administrator.",
  },
  sign_in_expired: {
    title: "The sign-in expired",
    what: "The sign-in took too long, or its link was used twice (for example after going back in the browser).",
    todo: "Start again from the portal's sign-in page.",
  },
  email_unverified: {
    title: "Your e-mail address is not verified",
    what: "Your identity provider says your e-mail address has not been verified, so the portal cannot trust it.",
    todo: "Verify it at your identity provider (look for its confirmation e-mail), then sign in again.",
  },
  provider_error: {
    title: "The identity provider refused the sign-in",
    what: "Your organisation's sign-in service answered with an error.",
    todo: "Try again. If it keeps happening, tell the portal's administrator the time it happened.",
  },
  misconfigured: {
    title: "Single sign-on is not set up correctly",
    what: "The portal and the identity provider do not agree on the portal's settings (issuer, client or secret).",
    todo: "Tell the portal's administrator; the portal's log names the setting to check.",
  },
  not_configured: {
    title: "Single sign-on is not available",
    what: "This portal is not set up for single sign-on.",
    todo: "Sign in with your e-mail address and password, or ask the portal's administrator.",
  },
  unknown: {
    title: "Sign-in failed",
    what: "Something went wrong while signing you in.",
    todo: "Try again. If it keeps happening, tell the portal's administrator the time it happened.",
  },
};

export function isSsoErrorReason(value: unknown): value is SsoErrorReason {
  return typeof value === "string" && Object.hasOwn(TEXTS, value);
}

export function ssoErrorText(reason: SsoErrorReason): SsoErrorText {
  return TEXTS[reason];
}

export const SSO_ERROR_PATH = "/login/sso-error";
export const SSO_REFUSED_PATH = "/login/sso-refused";

export function ssoErrorUrl(reason: SsoErrorReason): string {
  return `${SSO_ERROR_PATH}?reason=${reason}`;
}

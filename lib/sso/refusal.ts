/**
 * Why a single sign-on was refused. The code is stable (a page, a log line and a test branch on it); the
 * message is for the person and depends on the code alone, so a refusal page can be rendered from a code in its
 * URL without echoing anything else. `detail` is for the log and the administrator: it names the rule and the
 * claim, never a claim's value.
 */

export type SsoRefusalCode =
  | "subject_missing"
  | "email_missing"
  | "email_invalid"
  | "email_unverified"
  | "groups_overage"
  | "no_rule_matched"
  | "claim_missing"
  | "claim_invalid"
  // Set by the portal after the rules, when it stores the account:
  | "account_conflict"
  | "account_disabled"
  | "rules_unavailable";

export interface SsoRefusal {
  code: SsoRefusalCode;
  message: string;
  detail: string;
  /** The rule that matched and then could not be applied (claim_missing, claim_invalid). */
  rule?: string;
  /** The claim at fault. */
  claim?: string;
}

const MESSAGES: Record<SsoRefusalCode, string> = {
  subject_missing:
    "Your identity provider's answer did not say who you are. Try signing in again; if it keeps happening, " +
    "tell the portal's administrator.",
  email_missing:
    "Your identity provider did not share an e-mail address with the portal. Allow the portal to see your " +
    "e-mail address (or ask your IT team to release it), then sign in again.",
  email_invalid:
    "The e-mail address your identity provider sent is not a valid address. Ask your IT team to correct it, " +
    "then sign in again.",
  email_unverified:
    "Your e-mail address is not verified at your identity provider. Verify it there (look for the provider's " +
    "confirmation e-mail), then sign in again.",
  groups_overage:
    "You belong to too many groups for your identity provider to list them when you sign in. Ask your IT team " +
    "to send the portal only the groups it needs.",
  no_rule_matched:
    "You signed in, but this portal has no access set up for your account. Ask the portal's administrator to " +
    "give you access, and tell them the e-mail address you used.",
  claim_missing:
    "The portal needs a detail about you that your identity provider did not send. Ask the portal's " +
    "administrator to check the sign-in log; nothing is wrong on your side.",
  claim_invalid:
    "Your identity provider sent a detail about you in a form the portal cannot use. Ask the portal's " +
    "administrator to check the sign-in log; nothing is wrong on your side.",
  account_conflict:
    "The portal already has an account with your e-mail address that is not linked to this sign-in. Ask the " +
    "portal's administrator to link it (or to verify your address at your identity provider), then try again.",
  account_disabled:
    "Your portal account is disabled. Ask the portal's administrator to enable it, then sign in again.",
  rules_unavailable:
    "The portal cannot check who may sign in right now (its sign-in rules are missing or unreadable). Try " +
    "again in a few minutes; if it keeps happening, tell the portal's administrator.",
};

/** The message for a code, e.g. for a refusal page that only has the code. */
export function refusalMessage(code: SsoRefusalCode): string {
  return MESSAGES[code];
}

export function isSsoRefusalCode(value: unknown): value is SsoRefusalCode {
  return typeof value === "string" && Object.hasOwn(MESSAGES, value);
}

export function refuse(
  code: SsoRefusalCode,
  detail: string,
  at: { rule?: string; claim?: string } = {},
): SsoRefusal {
  return { code, message: MESSAGES[code], detail, ...at };
}

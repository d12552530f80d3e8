/**
 * The decision at the end of a single sign-on (Auth.js's `signIn` callback): the stored rules turn the
 * provider's claims into a role and a Tableau identity, the account is created or refreshed (keyed by issuer +
 * subject), and the answer is `true` or the page to send the person to: the refusal page with its code, or
 * the error page for an unverified e-mail. Every outcome is one `auth.signin` log line, without claim values.
 */
import "server-only";
import type { User } from "next-auth";
import { signInSsoAccount } from "@/lib/db/repositories/sso-accounts";
import { logEvent } from "@/lib/log";
import { applySsoRules, type SsoRefusalCode } from "@/lib/sso";
import { isEmailVerified } from "@/lib/sso/claims";
import { SSO_REFUSED_PATH, ssoErrorUrl } from "./error-reasons";
import { currentSsoRules, ssoRulesDb } from "./rules";

export interface SsoUser extends User {
  ssoClaims?: Record<string, unknown>;
}

function refused(code: SsoRefusalCode, fields: Record<string, unknown>): string {
  logEvent("auth.signin", { provider: "oidc", outcome: "refused", reason: code, ...fields });
  return code === "email_unverified" ? ssoErrorUrl("email_unverified") : `${SSO_REFUSED_PATH}?code=${code}`;
}

async function loadRules() {
  try {
    return await currentSsoRules();
  } catch (error) {
    logEvent("sso.rules.unavailable", { message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** Completes `user` (e-mail, name, role as the database now has them) and answers true, or a page to go to. */
export async function decideSsoSignIn(user: SsoUser): Promise<true | string> {
  const claims = user.ssoClaims ?? {};
  delete user.ssoClaims;
  const stored = await loadRules();
  if (!stored) return refused("rules_unavailable", {});
  const result = applySsoRules(stored.rules, claims);
  if (!result.ok) {
    const { code, detail, rule, claim } = result.refusal;
    return refused(code, { detail, ...(rule ? { rule } : {}), ...(claim ? { claim } : {}) });
  }
  const { identity } = result;
  const outcome = await signInSsoAccount(await ssoRulesDb(), {
    issuer: identity.issuer,
    subject: identity.subject,
    email: identity.email,
    name: identity.name,
    role: identity.role,
    tableau: identity.tableau,
    rule: identity.rule.name,
    emailVerified: isEmailVerified(claims),
  });
  if (!outcome.ok) return refused(outcome.code, { user: identity.email, rule: identity.rule.name });
  const { account } = outcome;
  user.id = account.id;
  user.email = account.email;
  user.name = account.name;
  user.role = account.role;
  logEvent("auth.signin", {
    provider: "oidc",
    user: account.email,
    outcome: "ok",
    rule: identity.rule.name,
    created: outcome.created,
    changed: outcome.changed,
    ...(account.manualFields.length ? { manualFields: account.manualFields } : {}),
  });
  return true;
}

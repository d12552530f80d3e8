/**
 * Single sign-on rules: turn an OpenID Connect person's claims into a portal role and a Tableau identity.
 * Framework-free (no next/*, no database), so the portal, the admin console and scripts share it.
 */
export { applySsoRules, type SsoIdentity, type SsoResult } from "./apply-rules";
export type { Claims } from "./claims";
export { isSsoRefusalCode, refusalMessage, type SsoRefusal, type SsoRefusalCode } from "./refusal";
export { parseSsoRules, readSsoRulesFile, SsoRulesError, type SsoRulesErrorCode } from "./rules-file";
export {
  ssoRuleSchema,
  ssoRulesSchema,
  type SsoRule,
  type SsoRules,
  type SsoRulesInput,
} from "./rules-schema";
export type { SsoTableauIdentity } from "./tableau-identity";

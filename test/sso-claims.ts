/** Claims and result helpers shared by the SSO rule engine's tests. */
import type { SsoResult } from "@/lib/sso/apply-rules";
import { ssoRulesSchema, type SsoRulesInput } from "@/lib/sso/rules-schema";

export const ISS = "http://localhost:8950";
/** A verified person at corp.example, with the claims given over it. */
export const person = (claims: Record<string, unknown> = {}) => ({
  iss: ISS,
  sub: "sub-1",
  email: "ann@corp.example",
  email_verified: true,
  ...claims,
});
export const rules = (input: Partial<SsoRulesInput> & Pick<SsoRulesInput, "rules">) =>
  ssoRulesSchema.parse({ version: 1, ...input });

export function identity(result: SsoResult) {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code} (${result.refusal.detail})`);
  return result.identity;
}
export function refusal(result: SsoResult) {
  if (result.ok) throw new Error(`matched rule "${result.identity.rule.name}"`);
  return result.refusal;
}

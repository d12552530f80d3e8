/**
 * The single sign-on rules format (`VIZPORT_SSO_RULES_FILE`, docs/sso-rules.md): ordered rules, the first whose
 * `match` holds for a person decides their portal role and Tableau identity.
 */
import { z } from "zod";
import { claimNameSchema, conditionSchema } from "./condition-schema";
import { onlyForType, tableauMappingSchema } from "./mapping-schema";

export const ssoRuleSchema = z.strictObject({
  name: z
    .string({ error: "every rule needs a name" })
    .trim()
    .min(1, { error: "every rule needs a name" })
    .max(100, { error: "a rule's name must be at most 100 characters" }),
  match: conditionSchema,
  role: z.enum(["admin", "viewer"], { error: 'must be "admin" or "viewer"' }),
  // A rule without it gives portal access but no Tableau identity: the person sees the "not linked" notice.
  tableau: tableauMappingSchema.optional(),
});

export const ssoRulesSchema = z
  .strictObject(
    {
      version: z.literal(1, { error: "must be 1 (the only version of this format)" }),
      groupsClaim: claimNameSchema.default("groups"),
      // Off only for providers that never send email_verified (e.g. Microsoft Entra ID): see docs/sso-rules.md.
      requireVerifiedEmail: z.boolean().default(true),
      rules: z
        .array(ssoRuleSchema)
        .min(1, { error: "has no rules: every single sign-on would be refused" })
        .max(1000, { error: "has more than 1000 rules" }),
    },
    { error: onlyForType('must be a JSON object: { "version": 1, "rules": [...] }') },
  )
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.rules.forEach((rule, index) => {
      const first = seen.get(rule.name.toLowerCase());
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `has the same name as rules[${first}]; names must be unique`,
          path: ["rules", index, "name"],
        });
      } else seen.set(rule.name.toLowerCase(), index);
    });
  });

/** The rules file as written (for an editor, e.g. the admin console). */
export type SsoRulesInput = z.input<typeof ssoRulesSchema>;
/** The rules as the engine uses them. */
export type SsoRules = z.output<typeof ssoRulesSchema>;
export type SsoRule = z.output<typeof ssoRuleSchema>;

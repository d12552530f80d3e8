/**
 * The `match` part of a rule. Each condition object holds one kind of test (emailDomain, group, claim,
 * allOf or always), so a typo cannot silently turn a test into a different one: unknown keys are refused.
 */
import { z } from "zod";

export type Scalar = string | number | boolean;

export type LeafCondition =
  | { kind: "emailDomain"; domains: string[] }
  | { kind: "group"; groups: string[] }
  | { kind: "claimEquals"; claim: string; value: Scalar }
  | { kind: "claimOneOf"; claim: string; values: Scalar[] }
  | { kind: "claimPresent"; claim: string; present: boolean };

export type Condition = LeafCondition | { kind: "allOf"; conditions: LeafCondition[] } | { kind: "always" };

// Claim names may be URLs (namespaced custom claims), so only emptiness, length and control characters are refused.
export const claimNameSchema = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(200, { error: "must be at most 200 characters" })
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: "must not contain control characters" });

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((domain, ctx) => {
    if (domain.includes("@")) ctx.addIssue({ code: "custom", message: `write "${domain}" without the "@"` });
    else if (domain.startsWith("*."))
      ctx.addIssue({ code: "custom", message: "wildcards are not supported: list each domain" });
    else if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(domain))
      ctx.addIssue({ code: "custom", message: `"${domain}" is not a domain name (e.g. corp.example)` });
  });

const groupNameSchema = z.string().trim().min(1, { error: "a group name must not be empty" }).max(256);
const scalarSchema = z.union([z.string(), z.number(), z.boolean()], {
  error: "must be a string, a number or true/false",
});

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).min(1, { error: "must list at least one" })])
    .transform((value): z.output<T>[] => (Array.isArray(value) ? value : [value]));

const leafFields = {
  emailDomain: oneOrMany(domainSchema).optional(),
  group: oneOrMany(groupNameSchema).optional(),
  claim: claimNameSchema.optional(),
  equals: scalarSchema.optional(),
  oneOf: z.array(scalarSchema).min(1, { error: "must list at least one value" }).optional(),
  present: z.boolean().optional(),
};

type LeafInput = z.output<z.ZodObject<typeof leafFields>>;

const KINDS = "emailDomain, group, claim (with equals, oneOf or present), allOf or always";

function toLeaf(input: LeafInput, ctx: z.RefinementCtx): LeafCondition | undefined {
  const { emailDomain, group, claim, equals, oneOf, present } = input;
  const tests = [equals, oneOf, present].filter((test) => test !== undefined).length;
  const kinds = [emailDomain, group, claim].filter((kind) => kind !== undefined).length;
  if (kinds !== 1) {
    ctx.addIssue({ code: "custom", message: `a condition needs exactly one of ${KINDS}` });
    return undefined;
  }
  if (claim === undefined) {
    if (tests > 0) ctx.addIssue({ code: "custom", message: "equals, oneOf and present go with claim" });
    if (emailDomain) return { kind: "emailDomain", domains: emailDomain };
    return group ? { kind: "group", groups: group } : undefined;
  }
  if (tests !== 1) {
    ctx.addIssue({
      code: "custom",
      message: `claim "${claim}" needs exactly one of equals, oneOf or present`,
    });
    return undefined;
  }
  if (equals !== undefined) return { kind: "claimEquals", claim, value: equals };
  if (oneOf !== undefined) return { kind: "claimOneOf", claim, values: oneOf };
  return { kind: "claimPresent", claim, present: present ?? true };
}

const leafConditionSchema = z
  .strictObject(leafFields)
  .transform((input, ctx) => toLeaf(input, ctx) ?? z.NEVER);

export const conditionSchema = z
  .strictObject({
    ...leafFields,
    allOf: z.array(leafConditionSchema).min(1, { error: "must list at least one condition" }).optional(),
    always: z.literal(true, { error: "must be true" }).optional(),
  })
  .transform((input, ctx): Condition => {
    const { allOf, always, ...leaf } = input;
    const leafUsed = Object.values(leaf).some((value) => value !== undefined);
    if ([allOf !== undefined, always !== undefined, leafUsed].filter(Boolean).length !== 1) {
      ctx.addIssue({ code: "custom", message: `a condition needs exactly one of ${KINDS}` });
      return z.NEVER;
    }
    if (allOf) return { kind: "allOf", conditions: allOf };
    if (always) return { kind: "always" };
    return toLeaf(leaf, ctx) ?? z.NEVER;
  });

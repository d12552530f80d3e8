/**
 * The `tableau` part of a rule: where the Tableau username, user attributes and groups come from. Attribute
 * names follow the directory's rule (lib/directory/attribute-names), checked here when the rules are read, so a
 * rule can never reach the token minter with a name that would overwrite one of the token's own claims.
 */
import { z } from "zod";
import { attributeNameProblem } from "@/lib/directory/attribute-names";
import { claimNameSchema } from "./condition-schema";
import { parseTemplate, TemplateSyntaxError, type TemplatePart } from "./template";

export type UsernameSource =
  | { kind: "email" }
  | { kind: "claim"; claim: string }
  | { kind: "template"; template: string; parts: TemplatePart[] };

export type AttributeSource =
  { kind: "claim"; claim: string; optional: boolean } | { kind: "value"; value: string | string[] };

export type GroupSource = { kind: "fixed"; group: string } | { kind: "claim"; claim: string; prefix: string };

/** A schema's message for a value of the wrong type, leaving zod's own for the rest (e.g. an unknown key). */
export function onlyForType(message: string) {
  return (issue: { code?: string }) => (issue.code === "invalid_type" ? message : undefined);
}

const templateSchema = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(255)
  .transform((template, ctx): UsernameSource => {
    try {
      return { kind: "template", template, parts: parseTemplate(template) };
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      ctx.addIssue({ code: "custom", message: `template "${template}" ${error.message}` });
      return z.NEVER;
    }
  });

// "email" is shorthand for { "email": true }, so every form is one object and each gets its own clear message.
const usernameSchema = z
  .preprocess(
    (value) => (value === "email" ? { email: true } : value),
    z.strictObject(
      {
        email: z.literal(true).optional(),
        claim: claimNameSchema.optional(),
        template: templateSchema.optional(),
      },
      {
        error: onlyForType('must be "email", { "claim": "<name>" } or { "template": "{claim}@example.com" }'),
      },
    ),
  )
  .transform(({ email, claim, template }, ctx): UsernameSource => {
    if ([email, claim, template].filter((part) => part !== undefined).length !== 1) {
      ctx.addIssue({ code: "custom", message: 'needs exactly one of "email", claim or template' });
      return z.NEVER;
    }
    if (claim !== undefined) return { kind: "claim", claim };
    return template ?? { kind: "email" };
  });

const valueSchema = z.union([z.string().max(1024), z.array(z.string().max(1024)).max(100)], {
  error: "must be a string or a list of strings",
});

const attributeSchema = z
  .strictObject(
    { claim: claimNameSchema.optional(), optional: z.boolean().optional(), value: valueSchema.optional() },
    {
      error: onlyForType(
        'must be { "claim": "<name>" } (optionally with "optional": true) or { "value": ... }',
      ),
    },
  )
  .transform(({ claim, optional, value }, ctx): AttributeSource => {
    if ((claim === undefined) === (value === undefined)) {
      ctx.addIssue({ code: "custom", message: "needs exactly one of claim or value" });
      return z.NEVER;
    }
    if (value !== undefined) {
      if (optional !== undefined)
        ctx.addIssue({ code: "custom", message: "optional goes with claim, not value" });
      return { kind: "value", value };
    }
    return { kind: "claim", claim: claim ?? "", optional: optional ?? false };
  });

const attributeNameSchema = z.string().superRefine((name, ctx) => {
  const problem = attributeNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const attributesSchema = z.record(attributeNameSchema, attributeSchema).superRefine((attributes, ctx) => {
  const seen = new Map<string, string>();
  for (const name of Object.keys(attributes)) {
    const other = seen.get(name.toLowerCase());
    if (other)
      ctx.addIssue({ code: "custom", message: `attributes "${other}" and "${name}" differ only in case` });
    seen.set(name.toLowerCase(), name);
  }
});

const groupSchema = z.union(
  [
    z
      .string()
      .trim()
      .min(1)
      .max(256)
      .transform((group): GroupSource => ({ kind: "fixed", group })),
    z
      .strictObject({ claim: claimNameSchema, prefix: z.string().max(256).default("") })
      .transform(({ claim, prefix }): GroupSource => ({ kind: "claim", claim, prefix })),
  ],
  { error: 'must be a group name or { "claim": "<name>" } (optionally with "prefix")' },
);

export const tableauMappingSchema = z.strictObject({
  username: usernameSchema,
  attributes: attributesSchema.default({}),
  groups: z.array(groupSchema).max(100).default([]),
});

export type TableauMapping = z.output<typeof tableauMappingSchema>;

/**
 * What an admin (the console or `npm run users`) may set on an account, parsed the same way on both: a real
 * e-mail, a role, a Tableau username or none, attributes a token can carry (attribute-names.ts), groups, and a
 * password long enough and not the one this repository publishes for the demo (refused outside demo mode).
 */
import { z } from "zod";
import { DEMO_PASSWORD } from "../startup/published-secrets";
import { attributesSchema } from "./schema";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "The e-mail address is too long.")
  .pipe(z.email({ error: "Enter an e-mail address, e.g. ann@example.com." }));

export const nameSchema = z.string().trim().min(1, "Enter a name.").max(200, "The name is too long.");
export const roleSchema = z.enum(["admin", "viewer"], { error: 'The role is "admin" or "viewer".' });

export const tableauInputSchema = z
  .object({
    username: z.string().trim().max(255, "The Tableau username is too long."),
    attributes: attributesSchema,
    groups: z.array(z.string().trim().min(1).max(255)).max(100, "At most 100 groups."),
  })
  .transform((t) => (t.username === "" ? null : t));

export function passwordSchema(demo: boolean) {
  return z
    .string()
    .min(8, "The password must be at least 8 characters.")
    .max(1024, "The password is too long.")
    .refine((value) => demo || value !== DEMO_PASSWORD, {
      error: "That is the published demo password: choose another.",
    });
}

/** "Region=East\nRegion=West\nDept=Sales" → `{ Region: ["East","West"], Dept: "Sales" }`; a repeated name is a list. */
export function parseAttributeLines(lines: string[]): {
  attributes: Record<string, string | string[]>;
  error?: string;
} {
  const attributes: Record<string, string | string[]> = {};
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    const at = line.indexOf("=");
    if (at <= 0) return { attributes, error: `"${line}" is not Name=value.` };
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    const existing = attributes[name];
    attributes[name] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return { attributes };
}

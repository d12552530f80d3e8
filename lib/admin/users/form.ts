/**
 * The console's forms, parsed: each field read once (the first of a repeated name), validated with the same
 * rules as `npm run users` (lib/directory/account-input.ts), and every problem named against its field.
 */
import { z } from "zod";
import {
  emailSchema,
  nameSchema,
  parseAttributeLines,
  roleSchema,
  tableauInputSchema,
} from "@/lib/directory/account-input";

export type FieldErrors = Partial<Record<string, string>>;

export interface FormState {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: FieldErrors;
  /** The account's version after a successful change, so the next submit is made against it. */
  version?: number;
}

export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export interface IdentityFields {
  name: string;
  role: "admin" | "viewer";
  tableau: z.infer<typeof tableauInputSchema>;
}

/** Name, role and Tableau mapping from a form, or the field errors. */
export function parseIdentity(form: FormData): { data?: IdentityFields; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const name = nameSchema.safeParse(field(form, "name"));
  if (!name.success) fieldErrors.name = name.error.issues[0]?.message;
  const role = roleSchema.safeParse(field(form, "role"));
  if (!role.success) fieldErrors.role = role.error.issues[0]?.message;
  const { attributes, error } = parseAttributeLines(lines(field(form, "attributes")));
  if (error) fieldErrors.attributes = `${error} Write one Name=value per line.`;
  const tableau = tableauInputSchema.safeParse({
    username: field(form, "tableauUsername"),
    attributes,
    groups: lines(field(form, "groups")),
  });
  if (!tableau.success) {
    for (const issue of tableau.error.issues) {
      const key = issue.path[0] === "username" ? "tableauUsername" : String(issue.path[0] ?? "attributes");
      fieldErrors[key] ??= issue.message;
    }
  }
  if (Object.keys(fieldErrors).length || !name.success || !role.success || !tableau.success)
    return { fieldErrors };
  return { data: { name: name.data, role: role.data, tableau: tableau.data }, fieldErrors };
}

export function parseEmail(form: FormData): { email?: string; error?: string } {
  const parsed = emailSchema.safeParse(field(form, "email"));
  return parsed.success ? { email: parsed.data } : { error: parsed.error.issues[0]?.message };
}

const idSchema = z.uuid();
const versionSchema = z.coerce.number().int().positive();

/** The account a form is about, and the version the admin saw. */
export function parseTarget(form: FormData): { id: string; version: number } | null {
  const id = idSchema.safeParse(field(form, "id"));
  const version = versionSchema.safeParse(field(form, "version"));
  return id.success && version.success ? { id: id.data, version: version.data } : null;
}

/** Attributes as the form shows them: one Name=value per line, a list as one line per value. */
export function attributeLines(attributes: Record<string, string | string[]>): string {
  return Object.entries(attributes)
    .flatMap(([name, value]) => [value].flat().map((v) => `${name}=${v}`))
    .join("\n");
}

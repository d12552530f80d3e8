import { z } from "zod";
import { attributeNameProblem } from "./attribute-names";

const attributeValueSchema = z.union([z.string().max(1024), z.array(z.string().max(1024)).max(100)]);

/** User attributes: each name one a token can carry (attribute-names.ts), each value a string or strings. */
export const attributesSchema = z
  .record(z.string(), attributeValueSchema)
  .superRefine((attributes, context) => {
    for (const name of Object.keys(attributes)) {
      const problem = attributeNameProblem(name);
      if (problem) context.addIssue({ code: "custom", path: [name], message: `attribute ${problem}` });
    }
  });

export const tableauIdentitySchema = z.object({
  username: z.string().trim().min(1).max(255),
  attributes: attributesSchema.default({}),
  groups: z.array(z.string().min(1).max(255)).max(100).default([]),
});

export const directoryUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "must be an e-mail address" })),
  name: z.string().trim().min(1),
  passwordHash: z.string().startsWith("scrypt$", { error: "must be a scrypt hash (use: npm run users)" }),
  role: z.enum(["admin", "viewer"]),
  tableau: tableauIdentitySchema.optional(),
});

export const directoryFileSchema = z
  .object({ users: z.array(directoryUserSchema) })
  .refine((file) => new Set(file.users.map((user) => user.email)).size === file.users.length, {
    error: "lists the same e-mail address twice",
  });

export type DirectoryUser = z.infer<typeof directoryUserSchema>;
export type TableauIdentity = z.infer<typeof tableauIdentitySchema>;
export type DirectoryFile = z.infer<typeof directoryFileSchema>;

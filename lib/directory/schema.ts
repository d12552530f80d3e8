import { z } from "zod";

const attributeValueSchema = z.union([z.string(), z.array(z.string())]);

export const tableauIdentitySchema = z.object({
  username: z.string().trim().min(1),
  attributes: z.record(z.string().min(1), attributeValueSchema).default({}),
  groups: z.array(z.string().min(1)).default([]),
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

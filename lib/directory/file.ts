/**
 * The directory file format (`{ "users": [...] }`): what `npm run users -- import` loads and what the demo
 * accounts are seeded from (data/directory.json). Every problem is named with the account it is in.
 */
import type { z } from "zod";
import { directoryFileSchema, type DirectoryFile } from "./schema";

export class DirectoryError extends Error {
  readonly code = "DIRECTORY_INVALID";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DirectoryError";
  }
}

/** "users[2].tableau.attributes.sub" → "bob@example.com: tableau.attributes.sub", from the raw entries. */
function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const [top, index, ...rest] = issue.path;
  const users = (json as { users?: unknown })?.users;
  if (top === "users" && typeof index === "number" && Array.isArray(users)) {
    const email = (users[index] as { email?: unknown } | undefined)?.email;
    const who = typeof email === "string" ? email : `entry ${index + 1}`;
    return `${who}${rest.length ? ` (${rest.join(".")})` : ""}: ${issue.message}`;
  }
  return `${issue.path.join(".") || "the file"}: ${issue.message}`;
}

/** Parses a directory file's text; throws DirectoryError naming the file, the account and what is wrong. */
export function parseDirectory(text: string, file: string): DirectoryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new DirectoryError(`Directory file ${file} is not valid JSON.`, { cause });
  }
  return parseDirectoryValue(json, file);
}

/** The same, for a directory already read as JSON. */
export function parseDirectoryValue(json: unknown, file: string): DirectoryFile {
  const result = directoryFileSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${describeIssue(issue, json)}`);
    throw new DirectoryError(`Directory file ${file} is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

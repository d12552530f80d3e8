/**
 * Reads the directory file once and keeps it; a changed modification time (checked at most once a second)
 * reloads it, so `npm run users` takes effect without a restart. A reload that fails (a half-written file, a
 * bad edit) keeps the last good directory and says so once; only the first load has nothing to fall back on.
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { z } from "zod";
import { directoryFileSchema, type DirectoryFile, type DirectoryUser } from "./schema";

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
  const result = directoryFileSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${describeIssue(issue, json)}`);
    throw new DirectoryError(`Directory file ${file} is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

export class DirectoryStore {
  readonly file: string;
  private users = new Map<string, DirectoryUser>();
  private loaded = false;
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(
    file: string,
    private readonly onBadReload: (error: DirectoryError) => void = () => undefined,
  ) {
    this.file = resolve(file);
  }

  findUser(email: string): DirectoryUser | null {
    this.refresh();
    return this.users.get(email.trim().toLowerCase()) ?? null;
  }

  listUsers(): DirectoryUser[] {
    this.refresh();
    return [...this.users.values()];
  }

  private refresh(): void {
    const now = Date.now();
    if (this.loaded && now - this.checkedAt < 1000) return;
    this.checkedAt = now;
    try {
      const mtimeMs = statSync(this.file).mtimeMs;
      if (mtimeMs === this.mtimeMs) return;
      // Remembered before parsing, so a bad version is reported once, not at every check.
      this.mtimeMs = mtimeMs;
      let text: string;
      try {
        text = readFileSync(this.file, "utf8");
      } catch (cause) {
        throw new DirectoryError(`Directory file ${this.file} cannot be read.`, { cause });
      }
      const parsed = parseDirectory(text, this.file);
      this.users = new Map(parsed.users.map((user) => [user.email, user]));
      this.loaded = true;
    } catch (cause) {
      const error =
        cause instanceof DirectoryError
          ? cause
          : new DirectoryError(`Directory file ${this.file} cannot be read.`, { cause });
      if (!this.loaded) {
        this.mtimeMs = -1;
        throw error;
      }
      this.onBadReload(error);
    }
  }
}

/**
 * Reads the directory file once and keeps it; a changed modification time (checked at most once a second)
 * reloads it, so `npm run users` takes effect without a restart.
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { directoryFileSchema, type DirectoryFile, type DirectoryUser } from "./schema";

export class DirectoryError extends Error {
  readonly code = "DIRECTORY_INVALID";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DirectoryError";
  }
}

/** Parses a directory file's text; throws DirectoryError naming the file and what is wrong. */
export function parseDirectory(text: string, file: string): DirectoryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new DirectoryError(`Directory file ${file} is not valid JSON.`, { cause });
  }
  const result = directoryFileSchema.safeParse(json);
  if (!result.success) {
    throw new DirectoryError(`Directory file ${file} is invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export class DirectoryStore {
  readonly file: string;
  private users = new Map<string, DirectoryUser>();
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(file: string) {
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
    if (this.mtimeMs >= 0 && now - this.checkedAt < 1000) return;
    this.checkedAt = now;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.file).mtimeMs;
    } catch (cause) {
      throw new DirectoryError(`Directory file ${this.file} cannot be read.`, { cause });
    }
    if (mtimeMs === this.mtimeMs) return;
    const parsed = parseDirectory(readFileSync(this.file, "utf8"), this.file);
    this.users = new Map(parsed.users.map((user) => [user.email, user]));
    this.mtimeMs = mtimeMs;
  }
}

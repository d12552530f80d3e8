/**
 * Which database: PostgreSQL when `DATABASE_URL` is a postgres:// URL, else an embedded SQLite file
 * (`VIZPORT_DATABASE_FILE`, default `data/vizport.db`), created on first use. SQLite serves instances on one
 * host only; several hosts need PostgreSQL. The portal's configuration (lib/env-schema.ts) and the `npm run db`
 * and `npm run users` commands read the same two variables through this file.
 */
import { z } from "zod";

export type DbConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const databaseUrlSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
        } catch {
          return false;
        }
      },
      { error: "must be a PostgreSQL URL, e.g. postgres://vizport:…@db.example.com:5432/vizport" },
    )
    .optional(),
);

export const databaseFileSchema = z.preprocess(blankToUndefined, z.string().default("data/vizport.db"));

export function toDbConfig(url: string | undefined, file: string): DbConfig {
  return url ? { kind: "postgres", url } : { kind: "sqlite", file };
}

/** The database's configuration from raw variables, or a message naming the bad one. */
export function dbConfigFrom(source: Record<string, string | undefined>): DbConfig {
  const url = databaseUrlSchema.safeParse(source.DATABASE_URL);
  if (!url.success) throw new Error(`DATABASE_URL ${url.error.issues[0]?.message ?? "is invalid"}`);
  return toDbConfig(url.data, databaseFileSchema.parse(source.VIZPORT_DATABASE_FILE));
}

export function describeDb(config: DbConfig): string {
  if (config.kind === "sqlite") return `SQLite (${config.file})`;
  const url = new URL(config.url);
  // Never the password.
  return `PostgreSQL (${url.hostname}:${url.port || "5432"}${url.pathname})`;
}

/**
 * Vitest's global set-up: one PostgreSQL for the whole unit run, whose URL the database tests get with
 * `inject("postgresUrl")`; each test file makes its own database on it (test/db.ts).
 */
import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const postgres = await startPostgres();
  project.provide("postgresUrl", postgres.url);
  return () => postgres.stop();
}

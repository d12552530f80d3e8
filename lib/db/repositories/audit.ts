/** The audit trail: who changed which account or setting, when, and what changed (never a password). */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

export type Changes = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  changes: Changes;
}

export async function recordAudit(
  db: Kysely<Database>,
  entry: { actor: string; action: string; target: string; changes?: Changes; at?: string },
): Promise<void> {
  await db
    .insertInto("audit")
    .values({
      at: entry.at ?? new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      changes: JSON.stringify(entry.changes ?? {}),
    })
    .execute();
}

/** The newest entries first, for one target or all. */
export async function listAudit(
  db: Kysely<Database>,
  options: { target?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  let query = db
    .selectFrom("audit")
    .selectAll()
    .orderBy("id", "desc")
    .limit(options.limit ?? 50);
  if (options.target) query = query.where("target", "=", options.target);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), changes: JSON.parse(row.changes) as Changes }));
}

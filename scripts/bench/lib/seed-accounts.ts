/**
 * Many accounts at once for the console benchmark: rows written straight into `users` in batches (the
 * repository's createAccount writes an audit entry per account, which would make seeding 10,000 the slow part).
 * Half are mapped to a Tableau user with a Region attribute; the password hash is one made-up value, since
 * nobody signs in as them.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../lib/db/schema";

const REGIONS = ["East", "West", "North", "South"];
const BATCH = 500;

export const seededEmail = (i: number) => `user-${String(i).padStart(5, "0")}@example.com`;

export async function seedAccounts(db: Kysely<Database>, count: number): Promise<void> {
  const now = new Date().toISOString();
  for (let from = 1; from <= count; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(from + BATCH, count + 1); i++) {
      const mapped = i % 2 === 0;
      rows.push({
        id: `bench-${i}`,
        email: seededEmail(i),
        name: `Person ${String(i).padStart(5, "0")}`,
        role: i % 50 === 0 ? ("admin" as const) : ("viewer" as const),
        password_hash: "scrypt$bench$not-a-real-hash",
        tableau_username: mapped ? seededEmail(i) : null,
        tableau_attributes: mapped ? JSON.stringify({ Region: REGIONS[i % REGIONS.length] }) : "{}",
        tableau_groups: "[]",
        created_at: now,
        updated_at: now,
        last_sign_in_at: null,
        sso_issuer: null,
        sso_subject: null,
      });
    }
    await db.insertInto("users").values(rows).execute();
  }
}

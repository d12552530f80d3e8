/**
 * Node.js only (imported by instrumentation.ts behind its runtime check, so the Edge build never sees
 * `process.exit`). Start-up stops, with one message, when:
 * - a variable is missing or bad (the message names every one, never a value);
 * - the database cannot be opened or migrated;
 * - VIZPORT_SSO_RULES_FILE is set and unreadable or invalid (an empty rules table is seeded from it);
 * - a production start (NODE_ENV=production, not VIZPORT_DEMO=1) would run with a secret anyone can read: the
 *   example AUTH_SECRET, a test's, the demo identity provider's client secret, or an account whose password is
 *   the published demo password (anyone could then forge sessions, or sign in as that account).
 */
import type { Kysely } from "kysely";
import { describeDb } from "@/lib/db/config";
import type { Database } from "@/lib/db/schema";
import { ssoRulesDb } from "@/lib/auth/sso/rules";
import { accountsDb } from "@/lib/directory";
import { demoEmails, publishedDemoHashes } from "@/lib/directory/demo-seed";
import { verifyPasswordHash } from "@/lib/directory/password";
import { ConfigError, getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { readSsoRulesFile, SsoRulesError } from "@/lib/sso";
import { DEMO_PASSWORD, isPublishedAuthSecret, isPublishedOidcSecret } from "./published-secrets";

/**
 * Accounts whose password is the published demo password: those holding one of the demo directory's own hashes
 * (one query, however many accounts), and the demo e-mails re-checked with scrypt in case the password was set
 * again. Setting it anew elsewhere is refused outside demo mode (npm run users, the admin console).
 */
async function demoPasswordAccounts(db: Kysely<Database>): Promise<string[]> {
  const same = await db
    .selectFrom("users")
    .select("email")
    .where("password_hash", "in", publishedDemoHashes())
    .execute();
  const demo = await db
    .selectFrom("users")
    .select(["email", "password_hash"])
    .where("email", "in", demoEmails())
    .execute();
  const checked = await Promise.all(
    demo.map(async (row) =>
      row.password_hash && (await verifyPasswordHash(row.password_hash, DEMO_PASSWORD)) ? row.email : null,
    ),
  );
  return [
    ...new Set([...same.map((row) => row.email), ...checked.filter((e): e is string => e !== null)]),
  ].sort();
}

async function publishedSecretsProblems(db: Kysely<Database>): Promise<string[]> {
  const env = getEnv();
  if (!env.production || env.demo) return [];
  const problems: string[] = [];
  if (isPublishedAuthSecret(env.authSecret))
    problems.push(
      "AUTH_SECRET is a value published in Vizport's repository: generate your own (openssl rand -base64 32).",
    );
  const oidc = env.sso.oidc;
  if (oidc && isPublishedOidcSecret(oidc.clientSecret))
    problems.push(
      "AUTH_OIDC_SECRET is the demo identity provider's client secret, published in Vizport's repository: " +
        "use the secret your identity provider issued for the portal.",
    );
  const demo = await demoPasswordAccounts(db);
  if (demo.length)
    problems.push(
      `These accounts use the published demo password; set a new one (npm run users -- passwd EMAIL): ${demo.join(", ")}.`,
    );
  return problems;
}

async function openDatabase(): Promise<Kysely<Database>> {
  try {
    return await accountsDb();
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\/\/[^@/]*@/g, "//…@") : String(error);
    throw new StartupError(`The database, ${describeDb(getEnv().database)}, cannot be opened: ${reason}`);
  }
}

class StartupError extends Error {}

/** A bad VIZPORT_SSO_RULES_FILE stops start-up with every problem listed; good rules seed an empty table. */
async function seedSsoRulesOrFail(): Promise<void> {
  const file = getEnv().sso.rulesFile;
  if (!file) return;
  try {
    readSsoRulesFile(file);
    await ssoRulesDb();
  } catch (error) {
    if (error instanceof SsoRulesError) throw new StartupError(`VIZPORT_SSO_RULES_FILE: ${error.message}`);
    throw error;
  }
}

/** Every reason this process must not serve, as one message; empty when it may start. */
export async function startupProblems(): Promise<string | null> {
  try {
    getEnv();
    // Opening the database also migrates it, so a first start creates it.
    const db = await openDatabase();
    await seedSsoRulesOrFail();
    const problems = await publishedSecretsProblems(db);
    if (problems.length === 0) return null;
    const list = problems.map((problem) => `  - ${problem}`).join("\n");
    return `Refusing a production start with published secrets (demo mode is VIZPORT_DEMO=1):\n${list}`;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    if (error instanceof StartupError) return error.message;
    throw error;
  }
}

export async function checkConfigOrExit(): Promise<void> {
  const problem = await startupProblems();
  if (problem) {
    console.error(`Vizport cannot start. ${problem}`);
    process.exit(1);
  }
  const { trustedProxyHops, demo } = getEnv();
  logEvent("startup", {
    demo,
    // What the per-address limits can know: the TCP peer, or the client as N trusted proxies saw it.
    clientAddress: trustedProxyHops === 0 ? "tcp-peer" : `x-forwarded-for, ${trustedProxyHops} trusted hops`,
  });
}

/**
 * Node.js only (imported by instrumentation.ts behind its runtime check, so the Edge build never sees
 * `process.exit`). Start-up stops, with one message, when:
 * - a variable is missing or bad (the message names every one, never a value);
 * - the user directory cannot be read or is invalid;
 * - a production start (NODE_ENV=production, not VIZPORT_DEMO=1) would run with a secret anyone can read: the
 *   example AUTH_SECRET, a test's, or an account whose password is the published demo password (anyone could
 *   then forge sessions, or sign in as that account).
 */
import { listUsers, verifyPassword, type DirectoryUser } from "@/lib/directory";
import { ConfigError, getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { DEMO_PASSWORD, isPublishedAuthSecret } from "./published-secrets";

async function publishedSecretsProblems(users: DirectoryUser[]): Promise<string[]> {
  const env = getEnv();
  if (!env.production || env.demo) return [];
  const problems: string[] = [];
  if (isPublishedAuthSecret(env.authSecret))
    problems.push(
      "AUTH_SECRET is a value published in Vizport's repository: generate your own (openssl rand -base64 32).",
    );
  const checks = await Promise.all(users.map((user) => verifyPassword(user, DEMO_PASSWORD)));
  const demo = users.filter((_, i) => checks[i]).map((user) => user.email);
  if (demo.length)
    problems.push(
      `These accounts use the published demo password; set a new one (npm run users -- passwd EMAIL): ${demo.join(", ")}.`,
    );
  return problems;
}

/** Every reason this process must not serve, as one message; empty when it may start. */
export async function startupProblems(): Promise<string | null> {
  try {
    getEnv();
    // Loading the directory is also its check: an invalid one stops start-up with its message.
    const problems = await publishedSecretsProblems(await listUsers());
    if (problems.length === 0) return null;
    const list = problems.map((problem) => `  - ${problem}`).join("\n");
    return `Refusing a production start with published secrets (demo mode is VIZPORT_DEMO=1):\n${list}`;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    if ((error as { code?: unknown }).code === "DIRECTORY_INVALID") return (error as Error).message;
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

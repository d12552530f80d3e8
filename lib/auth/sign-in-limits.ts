/**
 * The sign-in limits, enforced in one place: `authorize` (auth.ts), which the login form's server action and
 * Auth.js's own endpoints both reach, keyed by the e-mail Auth.js parsed from whatever body it was given.
 * - per client address: every attempt counts, whatever the account (a password spray from one client meets it);
 * - per account: a failure slot is reserved BEFORE the password is checked and given back on success, so N
 *   concurrent guesses get at most the limit between them, and while the account is locked even the right
 *   password is refused.
 * With a shared store (REDIS_URL) that cannot answer, `beginSignIn` throws StoreUnavailableError: the caller
 * refuses the sign-in (503), since letting it through would mean unlimited guessing. The token limit instead
 * counts on this instance while the store is down (each instance then allows up to the limit on its own), so
 * signed-in users keep loading dashboards.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { getLimitStore, type LimitRule } from "@/lib/store";

export type SignInGate =
  | { allowed: false; retryAfterMs: number; reason: "address" | "account" }
  | { allowed: true; finish: (ok: boolean) => Promise<void> };

function rules(): { account: LimitRule; address: LimitRule } {
  const { rateLimits } = getEnv();
  const windowMs = rateLimits.signInWindowSeconds * 1000;
  return {
    account: { name: "signin.account", limit: rateLimits.signInFailuresPerAccount, windowMs },
    address: { name: "signin.address", limit: rateLimits.signInAttemptsPerAddress, windowMs },
  };
}

export const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 254);

/** Before checking a password: counts the attempt and reserves a failure slot, or refuses with a wait. */
export async function beginSignIn(email: string | null, address: string): Promise<SignInGate> {
  const store = getLimitStore();
  const { account, address: perAddress } = rules();
  const byAddress = await store.limiter(perAddress).take(address);
  if (!byAddress.allowed) return { allowed: false, retryAfterMs: byAddress.retryAfterMs, reason: "address" };
  // Malformed input names no account: only the address pays for it.
  if (email === null) return { allowed: true, finish: async () => undefined };
  const key = accountKey(email);
  const failures = store.limiter(account);
  const slot = await failures.take(key);
  if (!slot.allowed) return { allowed: false, retryAfterMs: slot.retryAfterMs, reason: "account" };
  return {
    allowed: true,
    // A success clears the account's failures, the reserved slot with them; a failure keeps the slot.
    finish: async (ok) => {
      // The store failing here only leaves the failures counted until the window ends.
      if (ok) await failures.reset(key).catch(() => undefined);
    },
  };
}

/** One embed token for this user, if under the per-minute limit. */
export async function takeTokenRequest(email: string) {
  const { rateLimits } = getEnv();
  const rule = {
    name: "token.user",
    limit: rateLimits.tokenRequestsPerMinute,
    windowMs: 60_000,
    whenStoreDown: "local" as const,
  };
  return getLimitStore().limiter(rule).take(accountKey(email));
}

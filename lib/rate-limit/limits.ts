/**
 * The portal's limiters, built from the configuration on first use: sign-in failures per account, sign-in
 * attempts per client address, embed tokens per user. Kept on globalThis so the server action, the Auth.js
 * route and the token route share one set even if the bundler gives each its own copy of this module.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { SlidingWindowLimiter, type LimitVerdict } from "./sliding-window";

interface Limiters {
  accountFailures: SlidingWindowLimiter;
  addressAttempts: SlidingWindowLimiter;
  tokens: SlidingWindowLimiter;
}

const KEY = Symbol.for("vizport.rate-limits");
type Holder = { [KEY]?: Limiters };

function limiters(): Limiters {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const { rateLimits } = getEnv();
    const windowMs = rateLimits.signInWindowSeconds * 1000;
    holder[KEY] = {
      accountFailures: new SlidingWindowLimiter({ limit: rateLimits.signInFailuresPerAccount, windowMs }),
      addressAttempts: new SlidingWindowLimiter({ limit: rateLimits.signInAttemptsPerAddress, windowMs }),
      tokens: new SlidingWindowLimiter({ limit: rateLimits.tokenRequestsPerMinute, windowMs: 60_000 }),
    };
  }
  return holder[KEY];
}

/**
 * The client's address as the nearest hop saw it: the last `X-Forwarded-For` entry (Next.js fills the header
 * with the socket's address when no proxy set it). Behind a reverse proxy that appends to the header, that is
 * the address the proxy saw; a portal exposed directly can be given any value by the client, so the
 * per-account limit is the one that cannot be dodged.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 254);

/** Before a sign-in attempt: refused if the account has too many recent failures or the address too many
 * attempts. An allowed attempt counts against the address. */
export function takeSignInAttempt(email: string, address: string): LimitVerdict {
  const { accountFailures, addressAttempts } = limiters();
  const account = accountFailures.check(accountKey(email));
  if (!account.allowed) return account;
  return addressAttempts.take(address);
}

/** After a sign-in attempt: a failure counts against the account; a success clears its failures. */
export function recordSignInOutcome(email: string, ok: boolean): void {
  const { accountFailures } = limiters();
  if (ok) accountFailures.reset(accountKey(email));
  else accountFailures.record(accountKey(email));
}

/** One embed-token request for this user, if under the per-minute limit. */
export function takeTokenRequest(email: string): LimitVerdict {
  return limiters().tokens.take(accountKey(email));
}

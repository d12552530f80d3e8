/**
 * How `authorize` tells its caller that a sign-in was refused by a limit rather than by a wrong password. The
 * login form's server action receives the thrown error itself; Auth.js's own endpoint turns every refusal into
 * a redirect, so its route handler also runs Auth.js inside `signInRefusals` and answers 429 from what was left
 * there.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { CredentialsSignin } from "next-auth";
import { shared } from "@/lib/store";

export class SignInLimitedError extends CredentialsSignin {
  override code = "rate_limited";

  constructor(readonly retryAfterMs: number) {
    super();
  }
}

/** The right password for an account an admin has disabled. */
export class AccountDisabledError extends CredentialsSignin {
  override code = "account_disabled";
}

/** Whether `error` is that refusal (by its code, as for the limit's). */
export function isAccountDisabled(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "account_disabled";
}

/** A limited sign-in's error, also across bundle copies of this module (the name survives, `instanceof` not). */
export function asSignInLimited(error: unknown): { retryAfterMs: number } | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, retryAfterMs } = error as { code?: unknown; retryAfterMs?: unknown };
  return code === "rate_limited" && typeof retryAfterMs === "number" ? { retryAfterMs } : null;
}

export interface RefusalSlot {
  retryAfterMs?: number;
  /** The error Auth.js logged while serving this request (single sign-on's error pages read it). */
  authError?: unknown;
}

export function signInRefusals(): AsyncLocalStorage<RefusalSlot> {
  return shared("auth.sign-in-refusals", () => new AsyncLocalStorage<RefusalSlot>());
}

/** Called by `authorize` when a limit refuses: records the wait for the endpoint and throws for Auth.js. */
export function refuseSignIn(retryAfterMs: number): never {
  const slot = signInRefusals().getStore();
  if (slot) slot.retryAfterMs = retryAfterMs;
  throw new SignInLimitedError(retryAfterMs);
}

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

/**
 * The limits could not be checked (the shared store is down): the sign-in is refused, never let through
 * unlimited. Users already signed in carry on.
 */
export class SignInUnavailableError extends CredentialsSignin {
  override code = "store_unavailable";
}

/** The words the login form and Auth.js's endpoint (503) use for it. */
export const SIGN_IN_UNAVAILABLE_MESSAGE =
  "Sign-in is unavailable for a moment: the portal cannot check its sign-in limits. Please try again in a minute.";

/** Whether `error` is a SignInUnavailableError, from any bundle copy of this module. */
export function isSignInUnavailable(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "store_unavailable"
  );
}

/** A limited sign-in's error, also across bundle copies of this module (the name survives, `instanceof` not). */
export function asSignInLimited(error: unknown): { retryAfterMs: number } | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, retryAfterMs } = error as { code?: unknown; retryAfterMs?: unknown };
  return code === "rate_limited" && typeof retryAfterMs === "number" ? { retryAfterMs } : null;
}

export interface RefusalSlot {
  retryAfterMs?: number;
  /** Set when the limits could not be checked. */
  unavailable?: boolean;
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

/** Called by `authorize` when the limits cannot be checked: records it for the endpoint and throws. */
export function refuseUnavailable(): never {
  const slot = signInRefusals().getStore();
  if (slot) slot.unavailable = true;
  throw new SignInUnavailableError();
}

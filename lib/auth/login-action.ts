"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { describeWait } from "@/lib/rate-limit/sliding-window";
import {
  asSignInLimited,
  isAccountDisabled,
  isSignInUnavailable,
  SIGN_IN_UNAVAILABLE_MESSAGE,
} from "./sign-in-refusal";

export type LoginState = { error?: string; email?: string };

// One message for a wrong password, an unknown account and malformed input: nothing to learn from it.
const GENERIC_ERROR = "Wrong e-mail or password.";

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * The login form. It only hands the fields to Auth.js: the limits and the outcome's audit line live in
 * `authorize` (auth.ts), which Auth.js's own endpoint reaches too. The form's fields are read once, the first
 * of each name, and passed on as single values, so what is checked is what Auth.js receives.
 */
export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = field(formData, "email").slice(0, 254);
  try {
    await signIn("credentials", {
      email,
      password: field(formData, "password").slice(0, 1024),
      redirectTo: safeCallbackPath(field(formData, "callbackUrl") || undefined),
    });
  } catch (error) {
    // signIn throws Next's redirect on success: only Auth.js's own errors mean a failed sign-in.
    const limited = asSignInLimited(error);
    if (limited) {
      return {
        error: `Too many sign-in attempts. Try again in ${describeWait(limited.retryAfterMs)}.`,
        email,
      };
    }
    if (isAccountDisabled(error))
      return { error: "This account is disabled. Ask a portal administrator to enable it.", email };
    if (isSignInUnavailable(error)) return { error: SIGN_IN_UNAVAILABLE_MESSAGE, email };
    if (error instanceof AuthError) return { error: GENERIC_ERROR, email };
    throw error;
  }
  return {};
}

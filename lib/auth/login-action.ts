"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { logEvent } from "@/lib/log";
import { clientAddress, takeSignInAttempt } from "@/lib/rate-limit/limits";
import { describeWait } from "@/lib/rate-limit/sliding-window";

export type LoginState = { error?: string; email?: string };

// One message for a wrong password, an unknown account and malformed input: nothing to learn from it.
const GENERIC_ERROR = "Wrong e-mail or password.";

const loginSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
  callbackUrl: z.string().optional(),
});

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const rawEmail = formData.get("email");
  const email = typeof rawEmail === "string" ? rawEmail.slice(0, 254) : "";
  const parsed = loginSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  const requestHeaders = await headers();
  const requestId = requestHeaders.get("x-request-id") ?? undefined;
  if (!parsed.success) {
    logEvent("auth.signin", { requestId, outcome: "rejected", reason: "malformed" });
    return { error: GENERIC_ERROR, email };
  }

  // Checked before the password: a locked-out account or address learns nothing more by guessing.
  const limit = takeSignInAttempt(parsed.data.email, clientAddress(requestHeaders));
  if (!limit.allowed) {
    logEvent("auth.signin", {
      requestId,
      user: parsed.data.email,
      outcome: "refused",
      reason: "rate_limited",
    });
    return { error: `Too many sign-in attempts. Try again in ${describeWait(limit.retryAfterMs)}.`, email };
  }

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    // signIn throws Next's redirect on success: only Auth.js's own errors mean a failed sign-in.
    if (error instanceof AuthError) return { error: GENERIC_ERROR, email };
    throw error;
  }
  return {};
}

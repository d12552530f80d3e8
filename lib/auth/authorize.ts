/**
 * The password check behind Auth.js's Credentials provider: the one place every password sign-in reaches (the
 * login form's server action and Auth.js's own endpoint, whatever body format was posted), so the limits are
 * enforced and each outcome logged here, keyed by the e-mail Auth.js itself parsed from the request.
 */
import "server-only";
import { z } from "zod";
import { recordSignIn } from "@/lib/db/repositories/accounts";
import { accountsDb, findUser, verifyPassword } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { logEvent } from "@/lib/log";
import { StoreUnavailableError } from "@/lib/store";
import { beginSignIn, type SignInGate } from "./sign-in-limits";
import { AccountDisabledError, refuseSignIn, refuseUnavailable } from "./sign-in-refusal";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

export interface AuthorizedUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "viewer";
}

/**
 * The user for these credentials, or null (wrong, unknown or malformed: one answer for all). Throws
 * SignInLimitedError (lib/auth/sign-in-refusal.ts) while a limit refuses, even for the right password, and
 * SignInUnavailableError while the limits cannot be checked (the shared store is down).
 */
export async function authorizeCredentials(
  raw: Partial<Record<string, unknown>>,
  request: Request,
): Promise<AuthorizedUser | null> {
  const requestId = request.headers.get("x-request-id") ?? undefined;
  const parsed = credentialsSchema.safeParse(raw);
  const email = parsed.success ? parsed.data.email : null;
  let gate: SignInGate;
  try {
    gate = await beginSignIn(email, clientAddress(request.headers, getEnv().trustedProxyHops));
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    logEvent("auth.signin", {
      requestId,
      ...(email ? { user: email } : {}),
      outcome: "refused",
      reason: "store_unavailable",
    });
    refuseUnavailable();
  }
  if (!gate.allowed) {
    logEvent("auth.signin", {
      requestId,
      ...(email ? { user: email } : {}),
      outcome: "refused",
      reason: `rate_limited_${gate.reason}`,
    });
    refuseSignIn(gate.retryAfterMs);
  }
  if (!parsed.success) {
    logEvent("auth.signin", { requestId, outcome: "rejected", reason: "malformed" });
    return null;
  }
  const user = await findUser(parsed.data.email);
  const ok = await verifyPassword(user, parsed.data.password);
  await gate.finish(ok);
  const disabled = ok && user?.disabled === true;
  logEvent("auth.signin", {
    requestId,
    user: parsed.data.email,
    outcome: ok && !disabled ? "ok" : "rejected",
    ...(ok ? {} : { reason: user ? "wrong_password" : "unknown_account" }),
    ...(disabled ? { reason: "disabled" } : {}),
  });
  if (!user || !ok) return null;
  // Said only to whoever knows the password: nobody else learns that the account exists.
  if (disabled) throw new AccountDisabledError();
  await recordSignIn(await accountsDb(), user.id).catch(() => undefined);
  return { id: user.email, email: user.email, name: user.name, role: user.role };
}

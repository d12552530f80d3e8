"use server";

/**
 * A signed-in user choosing their own password: after an admin set one (they are sent here until they do), or
 * any time. The current password is asked for, under the same per-account limit as sign-in, so a session left
 * open is not enough to take the account over.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { accountsDb, findUser, verifyPassword } from "@/lib/directory";
import { InputError, setPassword } from "@/lib/directory/manage";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { describeWait } from "@/lib/rate-limit/sliding-window";
import { getCurrentUser } from "./session";
import { beginSignIn } from "./sign-in-limits";

export interface PasswordState {
  error?: string;
  field?: "current" | "password" | "confirm";
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function changePasswordAction(_previous: PasswordState, form: FormData): Promise<PasswordState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Your session has ended. Sign in again." };
  const next = text(form, "password");
  if (next !== text(form, "confirm")) return { error: "The two new passwords differ.", field: "confirm" };
  const account = await findUser(user.email);
  if (!account) return { error: "Your session has ended. Sign in again." };
  const gate = await beginSignIn(user.email, clientAddress(await headers(), getEnv().trustedProxyHops));
  if (!gate.allowed)
    return { error: `Too many attempts. Try again in ${describeWait(gate.retryAfterMs)}.`, field: "current" };
  const ok = await verifyPassword(account, text(form, "current"));
  await gate.finish(ok);
  if (!ok) return { error: "That is not your current password.", field: "current" };
  if (next === text(form, "current"))
    return { error: "Choose a password other than the one you have.", field: "password" };
  try {
    await setPassword(await accountsDb(), account, next, user.email, {
      demo: getEnv().demo,
      mustChange: false,
    });
  } catch (error) {
    if (error instanceof InputError) return { error: error.message, field: "password" };
    throw error;
  }
  logEvent("auth.password_changed", { requestId: await currentRequestId(), user: user.email });
  redirect(safeCallbackPath(text(form, "callbackUrl") || undefined));
}

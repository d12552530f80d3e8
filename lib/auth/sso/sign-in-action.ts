"use server";

/**
 * The login page's "Sign in with {name}" button: starts the OpenID Connect flow (discovery, then the redirect to
 * the provider with PKCE, state and nonce). When the provider cannot be reached the person lands on the SSO error
 * page, which says so, instead of Auth.js's generic page.
 */
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signInRefusals, type RefusalSlot } from "@/lib/auth/sign-in-refusal";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { classifySsoError } from "./classify-error";
import { SSO_ERROR_PATH, ssoErrorUrl } from "./error-reasons";
import { OIDC_PROVIDER_ID } from "./provider";

export async function startSsoSignIn(formData: FormData): Promise<void> {
  if (!getEnv().sso.oidc) redirect(ssoErrorUrl("not_configured"));
  const callback = formData.get("callbackUrl");
  const redirectTo = safeCallbackPath(typeof callback === "string" ? callback : undefined);
  const slot: RefusalSlot = {};
  let target: string;
  try {
    target = await signInRefusals().run(slot, () =>
      signIn(OIDC_PROVIDER_ID, { redirect: false, redirectTo }),
    );
  } catch (error) {
    slot.authError ??= error;
    target = SSO_ERROR_PATH;
  }
  if (slot.authError !== undefined || new URL(target, "http://portal.invalid").pathname === SSO_ERROR_PATH) {
    const reason = classifySsoError(slot.authError);
    logEvent("auth.signin", { provider: "oidc", outcome: "failed", stage: "start", reason });
    redirect(ssoErrorUrl(reason));
  }
  redirect(target);
}

"use server";

/** Gives an SSO account's hand-set fields back to the rules (they are set again at the next sign-in). */
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { clearManualFields } from "@/lib/db/repositories/sso-accounts";
import { accountsDb } from "@/lib/directory";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { parseTarget, type FormState } from "./form";

export async function clearManualFieldsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await getCurrentUser();
  if (admin?.role !== "admin") return { error: "Only portal administrators can change accounts." };
  const target = parseTarget(form);
  if (!target) return { error: "The form is missing the account it is for. Reload the page." };
  const cleared = await clearManualFields(await accountsDb(), target.id, target.version, admin.email);
  if (!cleared)
    return { error: "The account was changed by someone else after you opened it. Reload the page." };
  logEvent("admin.users.manual-fields-cleared", {
    requestId: await currentRequestId(),
    user: admin.email,
    target: target.id,
  });
  revalidatePath(`/admin/users/${target.id}`);
  return { ok: true, message: "The single sign-on rules set these fields again at the next sign-in." };
}

"use server";

/**
 * The user console's server actions. Each checks, itself, that the caller is a signed-in admin (a page's own
 * check does not protect a direct post), parses its form, makes the change through the repository (which
 * writes the audit trail and refuses an edit made against a stale version), and writes one audit log line.
 */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser, type PortalUser } from "@/lib/auth/session";
import { deleteAccount, findAccountById, updateAccount, type Account } from "@/lib/db/repositories/accounts";
import { AccountError } from "@/lib/db/repositories/errors";
import { accountsDb } from "@/lib/directory";
import { addAccount, InputError, setPassword } from "@/lib/directory/manage";
import { getEnv } from "@/lib/env";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { field, parseEmail, parseIdentity, parseTarget, type FieldErrors, type FormState } from "./form";

const NOT_ADMIN: FormState = { error: "Only portal administrators can change accounts." };

async function adminOrNull(): Promise<PortalUser | null> {
  const user = await getCurrentUser();
  return user?.role === "admin" ? user : null;
}

async function audit(action: string, admin: PortalUser, target: string, extra: Record<string, unknown> = {}) {
  logEvent(`admin.users.${action}`, {
    requestId: await currentRequestId(),
    user: admin.email,
    target,
    ...extra,
  });
}

/** An AccountError or InputError as the form shows it; anything else is the page's error boundary's. */
function refused(error: unknown): FormState {
  if (error instanceof AccountError || error instanceof InputError) return { error: error.message };
  throw error;
}

/** Fields of an SSO user an admin sets by hand, so the sign-in rules leave them alone from now on. */
function manualFields(account: Account, changed: string[]): string[] | undefined {
  if (account.source !== "sso") return undefined;
  return [...new Set([...account.manualFields, ...changed])];
}

export async function createUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await adminOrNull();
  if (!admin) return NOT_ADMIN;
  const { email, error } = parseEmail(form);
  const identity = parseIdentity(form);
  const password = field(form, "password");
  const fieldErrors: FieldErrors = { ...identity.fieldErrors, ...(error ? { email: error } : {}) };
  if (!password) fieldErrors.password = "Set a first password; the person is asked to change it at sign-in.";
  if (Object.keys(fieldErrors).length || !email || !identity.data)
    return { error: "Check the fields marked below.", fieldErrors };
  let created: Account;
  try {
    created = await addAccount(
      await accountsDb(),
      { email, ...identity.data, password, mustChangePassword: true },
      admin.email,
      { demo: getEnv().demo },
    );
  } catch (failure) {
    if (failure instanceof InputError)
      return { error: "Check the fields marked below.", fieldErrors: { password: failure.message } };
    return refused(failure);
  }
  await audit("create", admin, created.email, {
    role: created.role,
    tableauUser: created.tableau?.username ?? null,
  });
  revalidatePath("/admin/users");
  redirect(`/admin/users/${created.id}?created=1`);
}

export async function updateUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await adminOrNull();
  if (!admin) return NOT_ADMIN;
  const target = parseTarget(form);
  if (!target) return { error: "The form is missing the account it is for. Reload the page." };
  const identity = parseIdentity(form);
  if (!identity.data) return { error: "Check the fields marked below.", fieldErrors: identity.fieldErrors };
  const db = await accountsDb();
  const account = await findAccountById(db, target.id);
  if (!account) return { error: "That account no longer exists." };
  if (account.id === admin.id && identity.data.role !== "admin")
    return {
      error: "You cannot take away your own admin role; ask another admin.",
      fieldErrors: { role: "Keep admin" },
    };
  try {
    const changed = ["name", "role", "tableau"].filter(
      (key) =>
        JSON.stringify(account[key as keyof Account]) !==
        JSON.stringify(identity.data?.[key as keyof typeof identity.data]),
    );
    const updated = await updateAccount(
      db,
      target.id,
      target.version,
      { ...identity.data, manualFields: manualFields(account, changed) },
      admin.email,
    );
    await audit("update", admin, updated.email, { fields: changed });
    revalidatePath(`/admin/users/${updated.id}`);
    return {
      ok: true,
      message: changed.length ? `Saved ${updated.email}.` : "Nothing changed.",
      version: updated.version,
    };
  } catch (error) {
    return refused(error);
  }
}

export async function setDisabledAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await adminOrNull();
  if (!admin) return NOT_ADMIN;
  const target = parseTarget(form);
  if (!target) return { error: "The form is missing the account it is for. Reload the page." };
  const disabled = field(form, "disabled") === "true";
  if (target.id === admin.id && disabled) return { error: "You cannot disable your own account." };
  try {
    const updated = await updateAccount(
      await accountsDb(),
      target.id,
      target.version,
      { disabled },
      admin.email,
      disabled ? "user.disable" : "user.enable",
    );
    await audit(disabled ? "disable" : "enable", admin, updated.email);
    revalidatePath(`/admin/users/${updated.id}`);
    return {
      ok: true,
      message: disabled
        ? `${updated.email} is disabled: their sessions stop working at their next request.`
        : `${updated.email} can sign in again.`,
      version: updated.version,
    };
  } catch (error) {
    return refused(error);
  }
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await adminOrNull();
  if (!admin) return NOT_ADMIN;
  const target = parseTarget(form);
  if (!target) return { error: "The form is missing the account it is for. Reload the page." };
  try {
    const updated = await setPassword(await accountsDb(), target, field(form, "password"), admin.email, {
      demo: getEnv().demo,
      mustChange: true,
    });
    await audit("password_reset", admin, updated.email);
    return {
      ok: true,
      message: `New password set for ${updated.email}; they are asked to choose their own at their next sign-in.`,
      version: updated.version,
    };
  } catch (error) {
    if (error instanceof InputError)
      return { error: error.message, fieldErrors: { password: error.message } };
    return refused(error);
  }
}

export async function deleteUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await adminOrNull();
  if (!admin) return NOT_ADMIN;
  const target = parseTarget(form);
  if (!target) return { error: "The form is missing the account it is for. Reload the page." };
  if (target.id === admin.id) return { error: "You cannot delete your own account." };
  const db = await accountsDb();
  const account = await findAccountById(db, target.id);
  if (!account) return { error: "That account no longer exists." };
  if (field(form, "confirm").trim().toLowerCase() !== account.email)
    return {
      error: `Type ${account.email} to confirm.`,
      fieldErrors: { confirm: "Type the e-mail address exactly." },
    };
  try {
    await deleteAccount(db, target.id, target.version, admin.email);
  } catch (error) {
    return refused(error);
  }
  await audit("delete", admin, account.email);
  revalidatePath("/admin/users");
  redirect(`/admin/users?deleted=${encodeURIComponent(account.email)}`);
}

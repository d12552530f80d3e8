"use server";

/**
 * The SSO rules editor's server action: checks, itself, that the caller is an admin, validates the document
 * with lib/sso's schema (every problem named with its rule), and stores it versioned and audited. A stale
 * version (someone saved in between) is refused, and the text the admin typed is handed back, never lost.
 */
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { ssoRulesDb } from "@/lib/auth/sso/rules";
import { AccountError } from "@/lib/db/repositories/errors";
import { saveSsoRules } from "@/lib/db/repositories/sso-rules";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { SsoRulesError } from "@/lib/sso";

export interface RulesFormState {
  ok?: boolean;
  message?: string;
  error?: string;
  problems?: string[];
  /** The text as submitted, so a refused edit keeps what the admin typed. */
  document?: string;
  version?: number;
}

// Far above any real rule set (1000 rules is the schema's limit), far below the server actions' body limit.
const MAX_DOCUMENT = 60_000;

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function saveSsoRulesAction(_previous: RulesFormState, form: FormData): Promise<RulesFormState> {
  const admin = await getCurrentUser();
  if (admin?.role !== "admin") return { error: "Only portal administrators can change the sign-in rules." };
  const document = field(form, "document");
  const version = Number(field(form, "version"));
  if (!Number.isInteger(version) || version < 0)
    return { error: "The form is missing the rules' version. Reload the page.", document };
  if (document.length > MAX_DOCUMENT)
    return { error: `The rules are longer than ${MAX_DOCUMENT} characters.`, document };
  try {
    const saved = await saveSsoRules(await ssoRulesDb(), document, version, admin.email);
    logEvent("admin.sso.rules-saved", {
      requestId: await currentRequestId(),
      user: admin.email,
      version: saved.version,
      rules: saved.rules.rules.length,
    });
    revalidatePath("/admin/sso");
    return {
      ok: true,
      message: `Saved version ${saved.version}: ${saved.rules.rules.length} rules. They apply from the next sign-in.`,
      document,
      version: saved.version,
    };
  } catch (error) {
    if (error instanceof SsoRulesError)
      return {
        error: "The rules were not saved: fix the problems below.",
        problems: error.problems,
        document,
      };
    if (error instanceof AccountError) return { error: error.message, document };
    throw error;
  }
}

"use client";

import { useActionState } from "react";
import { clearManualFieldsAction } from "@/lib/admin/users/sso-actions";
import type { FormState } from "@/lib/admin/users/form";
import { FormMessage } from "./form-fields";

const LABELS: Record<string, string> = {
  name: "name",
  role: "role",
  tableau: "Tableau mapping (username, attributes, groups)",
};

/**
 * For an account single sign-on keeps up to date: which rule set it last, and which fields an admin set by
 * hand (those win over the rules), with a way to give them back.
 */
export function SsoFieldsNotice({
  target,
  manualFields,
  rule,
  syncedAt,
}: {
  target: { id: string; version: number };
  manualFields: string[];
  rule: string | null;
  syncedAt: string | null;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(clearManualFieldsAction, {});
  return (
    <div className="stack" data-testid="manual-fields">
      <p className="muted small">
        {rule && syncedAt
          ? `Set by the single sign-on rule "${rule}" at the last sign-in (${syncedAt.replace("T", " ").slice(0, 16)} UTC). `
          : ""}
        {manualFields.length
          ? `Set by hand here, so single sign-on leaves them alone: ${manualFields.map((f) => LABELS[f] ?? f).join(", ")}.`
          : "The rules set the name, role and Tableau mapping at each sign-in; a change saved here wins over the rules for the fields it changes."}
      </p>
      <FormMessage state={state} />
      {manualFields.length && !state.ok ? (
        <form action={action}>
          <input type="hidden" name="id" value={target.id} />
          <input type="hidden" name="version" value={target.version} />
          <button type="submit" className="button button-secondary button-sm" disabled={pending}>
            Let the rules set them again
          </button>
        </form>
      ) : null}
    </div>
  );
}

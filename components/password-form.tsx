"use client";

import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction, type PasswordState } from "@/lib/auth/password-action";

export function PasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {});
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.error) alert.current?.focus();
  }, [state]);
  const invalid = (name: PasswordState["field"]) =>
    state.field === name ? { "aria-invalid": true as const, "aria-describedby": "password-error" } : {};
  return (
    <form action={action} className="stack">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error ? (
        <p id="password-error" ref={alert} tabIndex={-1} role="alert" className="alert alert-error">
          {state.error}
        </p>
      ) : null}
      <label className="field">
        <span>Current password</span>
        <input
          name="current"
          type="password"
          autoComplete="current-password"
          required
          {...invalid("current")}
        />
      </label>
      <div className="field">
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          aria-describedby={
            state.field === "password" ? "new-password-hint password-error" : "new-password-hint"
          }
          {...(state.field === "password" ? { "aria-invalid": true as const } : {})}
        />
        <span id="new-password-hint" className="muted small">
          At least 8 characters.
        </span>
      </div>
      <label className="field">
        <span>New password again</span>
        <input name="confirm" type="password" autoComplete="new-password" required {...invalid("confirm")} />
      </label>
      <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
        {pending ? "Saving…" : "Set my password"}
      </button>
    </form>
  );
}

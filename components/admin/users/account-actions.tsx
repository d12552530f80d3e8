"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { deleteUserAction, resetPasswordAction, setDisabledAction } from "@/lib/admin/users/actions";
import type { FormState } from "@/lib/admin/users/form";
import { Field, FormMessage } from "./form-fields";
import styles from "./users.module.css";

interface Target {
  id: string;
  version: number;
  email: string;
  disabled: boolean;
  isSelf: boolean;
}

function ActionForm({
  action,
  target,
  title,
  children,
  className,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  target: Target;
  title: string;
  children: (state: FormState, pending: boolean) => ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.ok || state.error)
      box.current?.querySelector<HTMLElement>("[role=alert],[role=status]")?.focus();
  }, [state]);
  return (
    <section className={`card stack ${className ?? ""}`} aria-label={title}>
      <h2>{title}</h2>
      <div ref={box}>
        <FormMessage state={state} />
      </div>
      <form action={formAction} className="stack" noValidate>
        <input type="hidden" name="id" value={target.id} />
        <input type="hidden" name="version" value={Math.max(state.version ?? 0, target.version)} />
        {children(state, pending)}
      </form>
    </section>
  );
}

export function AccountActions({ target }: { target: Target }) {
  return (
    <div className="stack">
      <ActionForm action={setDisabledAction} target={target} title={target.disabled ? "Enable" : "Disable"}>
        {() => (
          <>
            <input type="hidden" name="disabled" value={target.disabled ? "false" : "true"} />
            <p className="muted">
              {target.disabled
                ? `${target.email} cannot sign in. Enabling lets them sign in again.`
                : `A disabled account cannot sign in, and its sessions stop working at their next request.`}
            </p>
            <div className="row">
              <button
                type="submit"
                className="button button-secondary"
                disabled={target.isSelf && !target.disabled}
              >
                {target.disabled ? "Enable account" : "Disable account"}
              </button>
            </div>
          </>
        )}
      </ActionForm>
      <ActionForm action={resetPasswordAction} target={target} title="Reset password">
        {(state) => (
          <>
            <Field
              name="password"
              label="New password"
              hint="At least 8 characters. They are asked to choose their own at their next sign-in."
              errors={state.fieldErrors}
            >
              {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required />}
            </Field>
            <div className="row">
              <button type="submit" className="button button-secondary">
                Set password
              </button>
            </div>
          </>
        )}
      </ActionForm>
      {target.isSelf ? null : (
        <ActionForm action={deleteUserAction} target={target} title="Delete" className={styles.dangerZone}>
          {(state) => (
            <>
              <Field
                name="confirm"
                label={`Type ${target.email} to confirm`}
                hint="Deleting removes the account; the audit trail keeps what happened to it."
                errors={state.fieldErrors}
              >
                {(p) => <input {...p} name="confirm" autoComplete="off" />}
              </Field>
              <div className="row">
                <button type="submit" className="button button-danger">
                  Delete account
                </button>
              </div>
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}

"use client";

import { useActionState, useEffect, useRef } from "react";
import { createUserAction, updateUserAction } from "@/lib/admin/users/actions";
import type { FormState } from "@/lib/admin/users/form";
import { Field, FormMessage } from "./form-fields";
import styles from "./users.module.css";

export interface UserFormValues {
  id?: string;
  version?: number;
  email?: string;
  name: string;
  role: "admin" | "viewer";
  tableauUsername: string;
  attributes: string;
  groups: string;
}

/** Add (no id) or edit an account's name, role and Tableau mapping. */
export function UserForm({ values }: { values: UserFormValues }) {
  const editing = Boolean(values.id);
  const [state, action, pending] = useActionState<FormState, FormData>(
    editing ? updateUserAction : createUserAction,
    {},
  );
  const message = useRef<HTMLDivElement>(null);
  // After a submit, move focus to what it says, so a keyboard or screen-reader user hears the outcome.
  useEffect(() => {
    if (state.ok || state.error)
      message.current?.querySelector<HTMLElement>("[role=alert],[role=status]")?.focus();
  }, [state]);
  const errors = state.fieldErrors;
  return (
    <form action={action} className="stack" noValidate>
      <div ref={message}>
        <FormMessage state={state} />
      </div>
      {editing ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={Math.max(state.version ?? 0, values.version ?? 0)} />
        </>
      ) : null}
      <div className={styles.formGrid}>
        {editing ? null : (
          <Field name="email" label="E-mail" errors={errors}>
            {(p) => (
              <input
                {...p}
                name="email"
                type="email"
                required
                autoComplete="off"
                defaultValue={values.email}
              />
            )}
          </Field>
        )}
        <Field name="name" label="Name" errors={errors}>
          {(p) => <input {...p} name="name" required defaultValue={values.name} />}
        </Field>
        <Field name="role" label="Role" errors={errors}>
          {(p) => (
            <select {...p} name="role" defaultValue={values.role}>
              <option value="viewer">viewer</option>
              <option value="admin">admin</option>
            </select>
          )}
        </Field>
        {editing ? null : (
          <Field
            name="password"
            label="First password"
            hint="At least 8 characters. They are asked to choose their own when they first sign in."
            errors={errors}
          >
            {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required />}
          </Field>
        )}
        <Field
          name="tableauUsername"
          label="Tableau username"
          hint="Exactly as Tableau has it (the e-mail on Tableau Cloud). Empty: no dashboards."
          errors={errors}
        >
          {(p) => (
            <input {...p} name="tableauUsername" defaultValue={values.tableauUsername} autoComplete="off" />
          )}
        </Field>
        <Field
          name="attributes"
          label="User attributes"
          hint="One Name=value per line, e.g. Region=East."
          errors={errors}
        >
          {(p) => (
            <textarea {...p} name="attributes" className={styles.textarea} defaultValue={values.attributes} />
          )}
        </Field>
        <Field name="groups" label="Tableau groups" hint="One group per line." errors={errors}>
          {(p) => <textarea {...p} name="groups" className={styles.textarea} defaultValue={values.groups} />}
        </Field>
      </div>
      <div className="row">
        <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
          {pending ? "Saving…" : editing ? "Save changes" : "Add user"}
        </button>
      </div>
    </form>
  );
}

import type { ReactNode } from "react";
import type { FieldErrors } from "@/lib/admin/users/form";
import styles from "./users.module.css";

/** A labelled field with its error, tied together for screen readers (aria-invalid, aria-describedby). */
export function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const error = errors?.[name];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { "aria-invalid": true } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {hint ? (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className={styles.fieldError}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The outcome of the last submit, announced: a status for success, an alert for a refusal. */
export function FormMessage({ state }: { state: { ok?: boolean; message?: string; error?: string } }) {
  if (state.error)
    return (
      <p role="alert" className="alert alert-error" tabIndex={-1} data-testid="form-error">
        {state.error}
      </p>
    );
  if (state.ok && state.message)
    return (
      <p role="status" className="alert alert-success" tabIndex={-1} data-testid="form-saved">
        {state.message}
      </p>
    );
  return null;
}

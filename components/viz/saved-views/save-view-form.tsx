"use client";
/** The "Save view…" form: a name, checked here first (the viz checks it again), with the problem said beside it. */
import { useId, useState, type FormEvent } from "react";
import styles from "./saved-views.module.css";

const MAX_NAME = 200;

/** Why the name cannot be saved, or null. A name the user already has is fine: saving updates that one. */
export function validateViewName(raw: string): string | null {
  const name = raw.trim();
  if (name === "") return "Give the view a name.";
  if (name.length > MAX_NAME) return `Keep the name to ${MAX_NAME} characters or fewer.`;
  return null;
}

export function SaveViewForm({
  busy,
  ownNames,
  onSave,
}: {
  busy: boolean;
  /** The user's own saved views' names: saving under one of them updates it, and the form says so. */
  ownNames: readonly string[];
  onSave: (name: string) => Promise<boolean>;
}) {
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim();
  const replacing = ownNames.includes(trimmed);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problem = validateViewName(name);
    setError(problem);
    if (problem) {
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    if (await onSave(trimmed)) setName("");
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="save-view-form">
      <div className="field">
        <label htmlFor={`${id}-name`}>Name of the saved view</label>
        <input
          id={`${id}-name`}
          name="name"
          value={name}
          maxLength={MAX_NAME + 50}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          onChange={(e) => {
            setName(e.target.value);
            if (error) setError(null);
          }}
        />
      </div>
      <p id={`${id}-hint`} className="muted small">
        {replacing
          ? `You already have “${trimmed}”: saving updates it with what the view shows now.`
          : "Saves the view's current filters, parameters and tab, kept in Tableau for you."}
      </p>
      {error ? (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-primary button-sm" aria-disabled={busy || undefined}>
        {replacing ? "Update saved view" : "Save view"}
      </button>
    </form>
  );
}

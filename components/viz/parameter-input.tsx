"use client";
import { useId, useState } from "react";
import type { ParameterControl } from "./read-controls";
import styles from "./tableau-viz.module.css";
import own from "./view-controls.module.css";

/**
 * One parameter of the viz: a list parameter is a select that applies at once; a number or text parameter is a
 * small form that applies on Enter or "Set", so typing "12" does not ask the viz for 1 first.
 */
export function ParameterInput({
  parameter,
  disabled,
  onChange,
}: {
  parameter: ParameterControl;
  disabled: boolean;
  onChange: (name: string, value: string) => void;
}) {
  const id = useId();
  const { name, kind, options, value } = parameter;
  const [draft, setDraft] = useState<string | null>(null);
  if (kind === "list") {
    return (
      <div className={styles.group} data-testid="parameter-control">
        <label htmlFor={id} className={own.label}>
          {name}
        </label>
        <select
          id={id}
          className={own.input}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(name, e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const numeric = parameter.dataType === "int" || parameter.dataType === "float";
  return (
    <form
      className={styles.group}
      data-testid="parameter-control"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft !== null && draft.trim() !== "") onChange(name, draft.trim());
        setDraft(null);
      }}
    >
      <label htmlFor={id} className={own.label}>
        {name}
      </label>
      <input
        id={id}
        className={own.input}
        type={numeric ? "number" : "text"}
        min={parameter.min}
        max={parameter.max}
        step={parameter.step ?? (parameter.dataType === "float" ? "any" : undefined)}
        value={draft ?? value}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button
        type="submit"
        className={styles.button}
        aria-label={`Set ${name}`}
        disabled={disabled || draft === null}
      >
        Set
      </button>
    </form>
  );
}

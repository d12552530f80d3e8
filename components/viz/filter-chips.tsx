import type { FilterControl } from "./read-controls";
import styles from "./tableau-viz.module.css";
import own from "./view-controls.module.css";

/** The next selection after a click on `value`: it toggles; nothing left means every value (no filter). */
export function toggledSelection(selected: string[] | null, value: string): string[] {
  if (!selected) return [value];
  return selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
}

/** One categorical filter of the viz as chips: "All", then each value of its domain (pressed when kept). */
export function FilterChips({
  filter,
  disabled,
  onChange,
}: {
  filter: FilterControl;
  disabled: boolean;
  onChange: (field: string, values: string[]) => void;
}) {
  const { field, values, selected } = filter;
  return (
    <div className={styles.group} role="group" aria-label={`${field} filter`} data-testid="filter-chips">
      <span className={own.label}>{field}</span>
      <button
        type="button"
        className={styles.chip}
        disabled={disabled}
        aria-pressed={selected === null}
        onClick={() => onChange(field, [])}
      >
        All
      </button>
      {values.map((value) => (
        <button
          key={value}
          type="button"
          className={styles.chip}
          disabled={disabled}
          aria-pressed={selected?.includes(value) ?? false}
          onClick={() => onChange(field, toggledSelection(selected, value))}
        >
          {value}
        </button>
      ))}
    </div>
  );
}

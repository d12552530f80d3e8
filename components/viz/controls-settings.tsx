"use client";
/**
 * For admins: which of the viz's own controls this view shows, for everyone, saved in the portal's database.
 * The list is what the viz offers now; a control the workbook gains later shows until someone hides it.
 */
import { useId, useState } from "react";
import { saveControlSettingsAction } from "@/lib/view-settings/actions";
import { isHidden, type StoredControlSettings } from "@/lib/view-settings/hidden";
import type { FilterControl, ParameterControl } from "./read-controls";
import styles from "./tableau-viz.module.css";
import own from "./view-controls.module.css";

export function ControlsSettings({
  view,
  stored,
  filters,
  parameters,
  onSaved,
}: {
  view: string;
  stored: StoredControlSettings;
  filters: FilterControl[];
  parameters: ParameterControl[];
  onSaved: (stored: StoredControlSettings) => void;
}) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [hidden, setHidden] = useState(stored.settings);
  const [message, setMessage] = useState("");
  const [saving, setSaving] = useState(false);

  const toggle = (key: "hiddenFilters" | "hiddenParameters", name: string, show: boolean) =>
    setHidden((h) => ({
      ...h,
      [key]: show ? h[key].filter((n) => n.toLowerCase() !== name.toLowerCase()) : [...h[key], name],
    }));

  const save = async () => {
    setSaving(true);
    setMessage("");
    const result = await saveControlSettingsAction({
      view,
      settings: hidden,
      expectedVersion: stored.version,
    }).catch(() => ({
      ok: false as const,
      message: "The settings could not be saved now; try again shortly.",
    }));
    setSaving(false);
    if (!result.ok) return setMessage(result.message);
    onSaved(result.stored);
    setMessage("Saved: everyone now sees these controls on this view.");
  };

  const box = (key: "hiddenFilters" | "hiddenParameters", name: string, kind: string) => (
    <label key={`${key}:${name}`}>
      <input
        type="checkbox"
        checked={!isHidden(hidden[key], name)}
        onChange={(e) => toggle(key, name, e.target.checked)}
      />{" "}
      {name} <span className="muted">({kind})</span>
    </label>
  );

  return (
    <>
      <button
        type="button"
        className={styles.button}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Choose controls
      </button>
      <fieldset id={panelId} className={own.settings} hidden={!open}>
        <legend>Controls shown on this view</legend>
        {filters.length + parameters.length === 0 ? <p>This view offers no filters or parameters.</p> : null}
        <div className={own.choices}>
          {filters.map((f) => box("hiddenFilters", f.field, "filter"))}
          {parameters.map((p) => box("hiddenParameters", p.name, "parameter"))}
        </div>
        <button type="button" className={styles.button} disabled={saving} onClick={() => void save()}>
          {saving ? "Saving…" : "Save controls"}
        </button>
        <p role="status" className="muted">
          {message}
        </p>
      </fieldset>
    </>
  );
}

import type { ReactNode } from "react";
import styles from "./tableau-viz.module.css";

export type ToolbarAction = "export-image" | "export-pdf" | "refresh" | "reset" | "reload" | "fullscreen";

/** The portal's own controls above the viz (the viz's filters and parameters first). Disabled until interactive. */
export function VizToolbar({
  ready,
  busy,
  pdfSupported,
  fullscreen,
  controls,
  onAction,
}: {
  ready: boolean;
  busy: boolean;
  pdfSupported: boolean;
  fullscreen: boolean;
  controls?: ReactNode;
  onAction: (action: ToolbarAction) => void;
}) {
  const disabled = !ready || busy;
  const button = (
    action: ToolbarAction,
    label: string,
    extra: { disabled?: boolean; title?: string } = {},
  ) => (
    <button
      type="button"
      className={styles.button}
      disabled={disabled || extra.disabled}
      title={extra.title}
      onClick={() => onAction(action)}
    >
      {label}
    </button>
  );
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Dashboard controls">
      {controls}
      <div className={styles.group}>
        {button("export-image", "Export image")}
        {button("export-pdf", "Export PDF", {
          disabled: !pdfSupported,
          title: pdfSupported ? undefined : "This Tableau version's Embedding API has no PDF dialog",
        })}
        {button("refresh", "Refresh data")}
        {button("reset", "Reset filters")}
        {button("reload", "Reload")}
        <button
          type="button"
          className={styles.button}
          disabled={!ready}
          aria-pressed={fullscreen}
          onClick={() => onAction("fullscreen")}
        >
          {fullscreen ? "Exit full screen" : "Full screen"}
        </button>
      </div>
    </div>
  );
}

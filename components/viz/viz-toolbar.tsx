import styles from "./tableau-viz.module.css";

export interface QuickFilter {
  field: string;
  values: string[];
}

export type ToolbarAction = "export-image" | "export-pdf" | "refresh" | "reset" | "reload" | "fullscreen";

/** The portal's own controls above the viz. Disabled until the viz is interactive. */
export function VizToolbar({
  ready,
  busy,
  pdfSupported,
  fullscreen,
  quickFilter,
  activeValues,
  onAction,
  onQuickFilter,
}: {
  ready: boolean;
  busy: boolean;
  pdfSupported: boolean;
  fullscreen: boolean;
  quickFilter?: QuickFilter;
  activeValues: string[] | undefined;
  onAction: (action: ToolbarAction) => void;
  onQuickFilter: (value: string | null) => void;
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
      {quickFilter ? (
        <div className={styles.group} role="group" aria-label={`${quickFilter.field} quick filter`}>
          <button
            type="button"
            className={styles.chip}
            disabled={disabled}
            aria-pressed={!activeValues}
            onClick={() => onQuickFilter(null)}
          >
            All {quickFilter.field.toLowerCase()}s
          </button>
          {quickFilter.values.map((value) => (
            <button
              key={value}
              type="button"
              className={styles.chip}
              disabled={disabled}
              aria-pressed={activeValues?.length === 1 && activeValues[0] === value}
              onClick={() => onQuickFilter(value)}
            >
              {value}
            </button>
          ))}
        </div>
      ) : null}
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

"use client";
import { useId, useRef, useState, type ReactNode, type RefObject } from "react";
import type { TableauVizElement } from "@/types/tableau-viz";
import { DataTablePanel } from "./data-table-panel";
import { exportableWorksheets, type ExportKind } from "./export-actions";
import { ExportMenu } from "./export-menu";
import styles from "./tableau-viz.module.css";

export type ToolbarAction = "refresh" | "reset" | "reload" | "fullscreen";

/**
 * The portal's controls above the viz (the viz's filters and parameters first), then the data table they can
 * open. A button never turns `disabled` (focus would fall to the page): until the viz is interactive, or while
 * another action runs, it says `aria-disabled` and ignores activation.
 */
export function VizToolbar({
  viz,
  ready,
  busy,
  fullscreen,
  controls,
  onAction,
  onExport,
}: {
  viz: RefObject<TableauVizElement | null>;
  ready: boolean;
  busy: boolean;
  fullscreen: boolean;
  controls?: ReactNode;
  onAction: (action: ToolbarAction) => void;
  onExport: (kind: ExportKind, sheetName?: string) => void;
}) {
  const unavailable = !ready || busy;
  const tableId = useId();
  const [tableOpen, setTableOpen] = useState(false);
  const tableButton = useRef<HTMLButtonElement>(null);
  const closeTable = () => {
    setTableOpen(false);
    tableButton.current?.focus();
  };
  const button = (action: ToolbarAction, label: string) => (
    <button
      type="button"
      className={styles.button}
      aria-disabled={unavailable || undefined}
      onClick={() => {
        if (!unavailable) onAction(action);
      }}
    >
      {label}
    </button>
  );
  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label="Dashboard controls">
        {controls}
        <div className={styles.group}>
          <ExportMenu
            unavailable={unavailable}
            worksheets={() => exportableWorksheets(viz.current)}
            onExport={onExport}
          />
          <button
            ref={tableButton}
            type="button"
            className={styles.button}
            aria-expanded={tableOpen}
            aria-controls={tableOpen ? tableId : undefined}
            aria-disabled={!ready || undefined}
            onClick={() => {
              if (tableOpen) closeTable();
              else if (ready) setTableOpen(true);
            }}
          >
            View data as table
          </button>
          {button("refresh", "Refresh data")}
          {button("reset", "Reset filters")}
          {button("reload", "Reload")}
          <button
            type="button"
            className={styles.button}
            aria-disabled={!ready || undefined}
            aria-pressed={fullscreen}
            onClick={() => {
              if (ready) onAction("fullscreen");
            }}
          >
            {fullscreen ? "Exit full screen" : "Full screen"}
          </button>
        </div>
      </div>
      {tableOpen ? <DataTablePanel id={tableId} viz={viz} onClose={closeTable} /> : null}
    </>
  );
}

"use client";
/**
 * The toolbar's "Export" button: a disclosure (WAI-ARIA disclosure pattern) listing the formats as buttons.
 * A per-worksheet export on a dashboard with several worksheets asks which, in the same panel. Escape or a
 * choice closes it and puts focus back on "Export", the control the user opened it from.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { EXPORT_CHOICES, exportChoice, type ExportKind } from "./export-actions";
import styles from "./tableau-viz.module.css";
import own from "./toolbar-panels.module.css";

export function ExportMenu({
  unavailable,
  worksheets,
  onExport,
}: {
  /** Not interactive yet or another action running: the button keeps focus but does nothing. */
  unavailable: boolean;
  worksheets: () => string[];
  onExport: (kind: ExportKind, sheetName?: string) => void;
}) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<{ kind: ExportKind; sheets: string[] } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = () => {
    setOpen(false);
    setAsking(null);
    button.current?.focus();
  };

  // The panel's first button takes focus when it opens or changes step, so a keyboard user lands in it.
  useEffect(() => {
    if (open) panel.current?.querySelector("button")?.focus();
  }, [open, asking]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const root = panel.current?.parentElement;
      if (root && !root.contains(event.target as Node)) {
        setOpen(false);
        setAsking(null);
      }
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const choose = (kind: ExportKind) => {
    const sheets = exportChoice(kind).perWorksheet ? worksheets() : [];
    if (sheets.length > 1) return setAsking({ kind, sheets });
    close();
    onExport(kind, sheets[0]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    event.preventDefault();
    close();
  };

  return (
    <div className={own.menu} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={styles.button}
        aria-expanded={open}
        aria-controls={panelId}
        aria-disabled={unavailable || undefined}
        onClick={() => {
          if (unavailable) return;
          if (open) close();
          else setOpen(true);
        }}
      >
        Export
      </button>
      <div ref={panel} id={panelId} className={own.popup} hidden={!open} data-testid="export-menu">
        {asking ? (
          <div role="group" aria-labelledby={`${panelId}-ask`}>
            <p id={`${panelId}-ask`} className={own.popupTitle}>
              {exportChoice(asking.kind).label}: which worksheet?
            </p>
            <ul className={own.list}>
              {asking.sheets.map((sheet) => (
                <li key={sheet}>
                  <button
                    type="button"
                    className={own.item}
                    onClick={() => {
                      close();
                      onExport(asking.kind, sheet);
                    }}
                  >
                    {sheet}
                  </button>
                </li>
              ))}
              <li>
                <button type="button" className={own.item} onClick={() => setAsking(null)}>
                  Back to formats
                </button>
              </li>
            </ul>
          </div>
        ) : (
          <ul className={own.list} aria-label="Export formats">
            {EXPORT_CHOICES.map((c) => (
              <li key={c.kind}>
                <button type="button" className={own.item} onClick={() => choose(c.kind)}>
                  {c.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

"use client";
/**
 * The viz's text alternative: the summary data of each worksheet the view shows, as HTML tables (caption = the
 * sheet's name), the first rows only. It takes focus when it opens, says what it shows, and on close gives
 * focus back to the toolbar button that opened it.
 */
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { announce } from "@/components/live-announcer";
import type { TableauVizElement } from "@/types/tableau-viz";
import { readSummaryData, type SheetData } from "./read-summary";
import { toError } from "./viz-actions";
import styles from "./tableau-viz.module.css";
import own from "./toolbar-panels.module.css";

export const DATA_TABLE_ROWS = 50;

type Loaded =
  { kind: "loading" } | { kind: "ready"; sheets: SheetData[] } | { kind: "error"; message: string };

const shown = (s: SheetData) =>
  s.total === 0 ? `${s.sheet}: no data` : `${s.sheet}: ${s.rows.length} of ${s.total} rows shown`;

export function DataTablePanel({
  id,
  viz,
  onClose,
}: {
  id: string;
  viz: RefObject<TableauVizElement | null>;
  onClose: () => void;
}) {
  const headingId = useId();
  const region = useRef<HTMLElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });

  useEffect(() => {
    region.current?.focus();
    const element = viz.current;
    let live = true;
    const done = (next: Loaded, words: string | null) => {
      if (!live) return;
      setLoaded(next);
      if (words) announce(words);
    };
    if (!element) {
      done({ kind: "error", message: "The viz is not loaded." }, "The data table could not be read.");
      return;
    }
    // Read again when the viz changes what it shows, so the table never disagrees with the chart; silently, as
    // the change itself (a filter, say) is what gets announced then.
    const load = (say: boolean) =>
      readSummaryData(element, DATA_TABLE_ROWS).then(
        (sheets) =>
          done(
            { kind: "ready", sheets },
            !say
              ? null
              : sheets.length
                ? `Data table. ${sheets.map(shown).join(". ")}.`
                : "This view has no worksheet data.",
          ),
        (error: unknown) => {
          const message = toError(error).message;
          done({ kind: "error", message }, `The data table could not be read: ${message}`);
        },
      );
    void load(true);
    const reload = () => void load(false);
    const events = ["filterchanged", "parameterchanged", "tabswitched"];
    for (const type of events) element.addEventListener(type, reload);
    return () => {
      live = false;
      for (const type of events) element.removeEventListener(type, reload);
    };
  }, [viz]);

  return (
    <section
      ref={region}
      id={id}
      tabIndex={-1}
      className={own.dataPanel}
      aria-labelledby={headingId}
      data-testid="viz-data-table"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className={own.dataHeader}>
        <h2 id={headingId}>Data of this view</h2>
        <button type="button" className={styles.button} onClick={onClose}>
          Close data table
        </button>
      </div>
      {loaded.kind === "loading" ? <p className={own.count}>Reading the view&apos;s data…</p> : null}
      {loaded.kind === "error" ? (
        <p className={own.count}>The data could not be read: {loaded.message}</p>
      ) : null}
      {loaded.kind === "ready" && loaded.sheets.length === 0 ? (
        <p className={own.count}>This view has no worksheet data to show.</p>
      ) : null}
      {loaded.kind === "ready"
        ? loaded.sheets.map((s) => (
            <div key={s.sheet}>
              <table className={own.table}>
                <caption>{s.sheet}</caption>
                <thead>
                  <tr>
                    {s.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) =>
                        c === 0 ? (
                          <th key={c} scope="row">
                            {cell}
                          </th>
                        ) : (
                          <td key={c}>{cell}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className={own.count}>{shown(s)}.</p>
            </div>
          ))
        : null}
    </section>
  );
}

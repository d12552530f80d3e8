/**
 * The portal's toolbar actions around the viz, each through the documented Embedding API: one at a time (a
 * second activation while one runs is ignored, and the buttons say `aria-disabled` meanwhile), each start,
 * outcome and failure said through `say` (the notice line and the page's live announcer).
 */
import { useRef, useState, type RefObject } from "react";
import type { TableauVizElement } from "@/types/tableau-viz";
import { exportChoice, explainExportFailure, runExport, type ExportKind } from "./export-actions";
import { resetFilters, toError, type VizFilters } from "./viz-actions";
import type { ToolbarAction } from "./viz-toolbar";

export function useVizActions(opts: {
  viz: RefObject<TableauVizElement | null>;
  root: RefObject<HTMLElement | null>;
  /** The filters now applied, as the component keeps them (parameters left out). */
  currentFilters: () => VizFilters;
  clearFilters: () => void;
  reload: () => void;
  say: (notice: string) => void;
}) {
  const { viz: vizRef, say } = opts;
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const run = async <T>(
    started: string | null,
    work: (viz: TableauVizElement) => Promise<T>,
    done: ((result: T) => string) | string | null,
    failed: (error: unknown) => string,
  ) => {
    const viz = vizRef.current;
    if (!viz || running.current) return;
    running.current = true;
    setBusy(true);
    say(started ?? "");
    try {
      const result = await work(viz);
      const words = typeof done === "function" ? done(result) : done;
      if (words) say(words);
    } catch (error) {
      say(failed(error));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  const failedAs = (label: string) => (error: unknown) => `${label} failed: ${toError(error).message}`;

  const onExport = (kind: ExportKind, sheetName?: string) => {
    const { label } = exportChoice(kind);
    const of = sheetName ? ` of ${sheetName}` : "";
    void run(
      `${label} export${of} started.`,
      (viz) => runExport(viz, kind, sheetName),
      (outcome) =>
        outcome === "dialog"
          ? `Tableau's ${label} dialog is open.`
          : `${label}${of} exported: the browser has the file.`,
      (error) => explainExportFailure(kind, error, sheetName),
    );
  };

  const onAction = (action: ToolbarAction) => {
    switch (action) {
      case "refresh":
        return void run(null, (viz) => viz.refreshDataAsync(), "Data refreshed.", failedAs("Refresh"));
      case "reset":
        return void run(
          null,
          async (viz) => {
            await resetFilters(viz, opts.currentFilters());
            opts.clearFilters();
          },
          "Filters reset: every value shown.",
          failedAs("Reset"),
        );
      case "reload":
        say("Reloading the view.");
        return opts.reload();
      case "fullscreen":
        if (document.fullscreenElement) return void document.exitFullscreen().catch(() => undefined);
        return void opts.root.current
          ?.requestFullscreen()
          .catch(() => say("Full screen is not available here."));
    }
  };

  return { busy, onAction, onExport };
}

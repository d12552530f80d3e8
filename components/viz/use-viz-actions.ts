/**
 * The portal's toolbar buttons around the viz, each through the documented
 * Embedding API: one at a time (`busy`), with its outcome or failure told in the viz's notice line.
 */
import { useState, type RefObject } from "react";
import type { TableauVizElement } from "@/types/tableau-viz";
import { resetFilters, toError, type VizFilters } from "./viz-actions";
import type { ToolbarAction } from "./viz-toolbar";

export function useVizActions(opts: {
  viz: RefObject<TableauVizElement | null>;
  root: RefObject<HTMLElement | null>;
  /** The filters now applied, as the component keeps them (parameters left out). */
  currentFilters: () => VizFilters;
  clearFilters: () => void;
  reload: () => void;
  setNotice: (notice: string) => void;
}) {
  const { viz: vizRef, setNotice } = opts;
  const [busy, setBusy] = useState(false);

  const run = async (label: string, work: (viz: TableauVizElement) => Promise<void>, done?: string) => {
    const viz = vizRef.current;
    if (!viz) return;
    setBusy(true);
    setNotice("");
    try {
      await work(viz);
      if (done) setNotice(done);
    } catch (error) {
      setNotice(`${label} failed: ${toError(error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const onAction = (action: ToolbarAction) => {
    switch (action) {
      case "export-image":
        return void run("Export image", (viz) => viz.exportImageAsync(), "Image export started.");
      case "export-pdf":
        return void run("Export PDF", async (viz) => {
          if (!viz.displayDialogAsync)
            throw new Error("this Tableau version's Embedding API has no PDF dialog");
          await viz.displayDialogAsync("export-pdf");
        });
      case "refresh":
        return void run("Refresh", (viz) => viz.refreshDataAsync(), "Data refreshed.");
      case "reset":
        return void run("Reset", async (viz) => {
          await resetFilters(viz, opts.currentFilters());
          opts.clearFilters();
        });
      case "reload":
        return opts.reload();
      case "fullscreen":
        if (document.fullscreenElement) return void document.exitFullscreen().catch(() => undefined);
        return void opts.root.current
          ?.requestFullscreen()
          .catch(() => setNotice("Full screen is not available here."));
    }
  };

  return { busy, onAction };
}

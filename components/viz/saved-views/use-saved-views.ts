/**
 * The viz's saved views (Tableau custom views of the active sheet) through the documented Embedding API: read
 * at each load and again on every customview* event, so the list stays true whoever changed it; one action at
 * a time, each outcome announced.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { announce } from "@/components/live-announcer";
import type { TableauVizElement, VizCustomView, VizWorkbook } from "@/types/tableau-viz";
import { toError } from "../viz-actions";

export interface SavedView {
  name: string;
  shared: boolean;
  isDefault: boolean;
  ownerName: string;
  url: string;
}

const EVENTS = ["customviewloaded", "customviewsaved", "customviewremoved", "customviewsetdefault"] as const;

const toSaved = (cv: VizCustomView): SavedView => ({
  name: cv.name,
  shared: cv.shared,
  isDefault: cv.default,
  ownerName: cv.ownerName,
  url: cv.url,
});

/** The workbook, when this Embedding API has custom views (libraries before them lack the methods). */
function workbookOf(viz: TableauVizElement | null): VizWorkbook | null {
  const wb = viz?.workbook;
  return wb && typeof wb.getCustomViewsAsync === "function" ? wb : null;
}

export function useSavedViews(opts: {
  viz: RefObject<TableauVizElement | null>;
  /** Changes with every load of the viz; null until it is interactive. */
  loadKey: number | null;
  /** Told of each custom view the viz now shows (undefined: the original view). */
  onLoaded: (cv: SavedView | undefined) => void;
}) {
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [supported, setSupported] = useState(true);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });

  const refresh = useCallback(async () => {
    const wb = workbookOf(latest.current.viz.current);
    setSupported(wb !== null);
    if (!wb?.getCustomViewsAsync) return;
    setActive(wb.activeCustomView?.name ?? null);
    try {
      setViews((await wb.getCustomViewsAsync()).map(toSaved));
    } catch {
      setViews(null);
    }
  }, []);

  useEffect(() => {
    const viz = opts.viz.current;
    if (opts.loadKey === null || !viz) return;
    void refresh();
    const onChange = () => void refresh();
    const onLoaded = (event: Event) => {
      const cv = (event as CustomEvent<{ customView?: VizCustomView }>).detail?.customView;
      latest.current.onLoaded(cv ? toSaved(cv) : undefined);
    };
    for (const type of EVENTS) viz.addEventListener(type, onChange);
    viz.addEventListener("customviewloaded", onLoaded);
    return () => {
      for (const type of EVENTS) viz.removeEventListener(type, onChange);
      viz.removeEventListener("customviewloaded", onLoaded);
    };
  }, [opts.viz, opts.loadKey, refresh]);

  /** Runs one action; false (and the error announced) when it failed or another was running. */
  const run = async (label: string, work: (wb: VizWorkbook) => Promise<string>): Promise<boolean> => {
    const wb = workbookOf(latest.current.viz.current);
    if (!wb || busyRef.current) return false;
    busyRef.current = true;
    setBusy(true);
    try {
      announce(await work(wb));
      await refresh();
      return true;
    } catch (error) {
      announce(`${label} failed: ${toError(error).message}`);
      return false;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const save = (name: string) =>
    run("Saving the view", async (wb) => {
      await wb.saveCustomViewAsync!(name);
      return `Saved view “${name}” saved.`;
    });
  const open = (name: string) =>
    run("Opening the saved view", async (wb) => {
      await wb.showCustomViewAsync!(name);
      return `Showing saved view “${name}”.`;
    });
  const makeDefault = (name: string) =>
    run("Making it your default", async (wb) => {
      if (wb.activeCustomView?.name !== name) await wb.showCustomViewAsync!(name);
      await wb.setActiveCustomViewAsDefaultAsync!();
      return `Saved view “${name}” is now your default.`;
    });
  const remove = (name: string) =>
    run("Deleting the saved view", async (wb) => {
      await wb.removeCustomViewAsync!(name);
      return `Saved view “${name}” deleted.`;
    });

  return { views, active, supported, busy, save, open, makeDefault, remove };
}

/**
 * The viz's own controls, kept true: read once the viz is interactive, read again after each `filterchanged` or
 * `parameterchanged` (a change made inside the viz, or by the portal), and a deep link's parameter values
 * applied once after each load when the viz did not take them from its URL.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { TableauVizElement } from "@/types/tableau-viz";
import {
  pendingParameterValues,
  readFilterControls,
  readParameterControls,
  type FilterControl,
  type ParameterControl,
} from "./read-controls";
import { toError, type VizFilters } from "./viz-actions";

export function useViewControls(opts: {
  viz: RefObject<TableauVizElement | null>;
  /** Changes with every load of the viz: controls are read anew for each. */
  loadKey: number | null;
  requested: () => VizFilters;
  onParameters: (params: ParameterControl[]) => void;
  setNotice: (notice: string) => void;
}) {
  const [filters, setFilters] = useState<FilterControl[]>([]);
  const [parameters, setParameters] = useState<ParameterControl[]>([]);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });

  const refreshFilters = useCallback(async () => {
    const viz = latest.current.viz.current;
    if (viz) setFilters(await readFilterControls(viz).catch(() => []));
  }, []);
  const refreshParameters = useCallback(async () => {
    const viz = latest.current.viz.current;
    if (!viz) return [];
    const list = await readParameterControls(viz).catch(() => []);
    setParameters(list);
    latest.current.onParameters(list);
    return list;
  }, []);

  useEffect(() => {
    const viz = opts.viz.current;
    if (opts.loadKey === null || !viz) return;
    let live = true;
    void (async () => {
      await refreshFilters();
      const params = await refreshParameters();
      for (const { name, value } of pendingParameterValues(params, latest.current.requested())) {
        if (!live) return;
        await viz.workbook
          ?.changeParameterValueAsync(name, value)
          .catch((e: unknown) =>
            latest.current.setNotice(`The link's value for ${name} was refused: ${toError(e).message}`),
          );
      }
      if (live) await refreshParameters();
    })();
    const onFilter = () => void refreshFilters();
    const onParameter = () => void refreshParameters();
    viz.addEventListener("filterchanged", onFilter);
    viz.addEventListener("parameterchanged", onParameter);
    // A saved view shown in place changes filters and parameters without their own events.
    const onCustomView = () => void refreshFilters().then(refreshParameters);
    viz.addEventListener("customviewloaded", onCustomView);
    return () => {
      viz.removeEventListener("customviewloaded", onCustomView);
      live = false;
      viz.removeEventListener("filterchanged", onFilter);
      viz.removeEventListener("parameterchanged", onParameter);
    };
  }, [opts.viz, opts.loadKey, refreshFilters, refreshParameters]);

  return { filters, parameters, refreshFilters, refreshParameters };
}

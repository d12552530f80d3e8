"use client";
/**
 * The controls above a viz that come from the viz itself: a chip row per categorical filter and an input per
 * parameter, minus those an admin hid for this view. Each change goes through the documented Embedding API and
 * into the page URL (a deep link), and its outcome is told in the viz's notice line.
 */
import { useRef, useState, type RefObject } from "react";
import { isHidden, type StoredControlSettings } from "@/lib/view-settings/hidden";
import type { TableauVizElement } from "@/types/tableau-viz";
import { ControlsSettings } from "./controls-settings";
import { FilterChips } from "./filter-chips";
import { ParameterInput } from "./parameter-input";
import { countMarks, filterOutcome } from "./read-summary";
import type { ParameterControl } from "./read-controls";
import { useViewControls } from "./use-view-controls";
import { applyFieldFilter, toError, type VizFilters } from "./viz-actions";
import own from "./view-controls.module.css";

export interface ViewControlsConfig {
  /** The view's contentUrl, the key of its settings. */
  view: string;
  stored: StoredControlSettings;
}

export function ViewControls(props: {
  viz: RefObject<TableauVizElement | null>;
  loadKey: number | null;
  disabled: boolean;
  isAdmin: boolean;
  config: ViewControlsConfig;
  requested: () => VizFilters;
  record: (name: string, values: string[] | null) => void;
  onParameters: (params: ParameterControl[]) => void;
  setNotice: (notice: string) => void;
}) {
  const { viz, setNotice } = props;
  const [stored, setStored] = useState(props.config.stored);
  // One change at a time; the controls stay enabled meanwhile, so the one in use keeps the keyboard focus.
  const busy = useRef(false);
  const controls = useViewControls({
    viz,
    loadKey: props.loadKey,
    requested: props.requested,
    onParameters: props.onParameters,
    setNotice,
  });

  const run = async (label: string, work: (v: TableauVizElement) => Promise<string | void>) => {
    const element = viz.current;
    if (!element || busy.current) return;
    busy.current = true;
    try {
      const done = await work(element);
      if (done) setNotice(done);
    } catch (error) {
      setNotice(`${label} failed: ${toError(error).message}`);
    } finally {
      busy.current = false;
    }
  };

  const onFilter = (field: string, values: string[]) =>
    void run(`Filtering ${field}`, async (v) => {
      await applyFieldFilter(v, field, values);
      props.record(field, values);
      await controls.refreshFilters();
      return filterOutcome(field, values, await countMarks(v));
    });

  const onParameter = (name: string, value: string) =>
    void run(`Setting ${name}`, async (v) => {
      if (!v.workbook) throw new Error("the viz is not interactive yet");
      const param = await v.workbook.changeParameterValueAsync(name, value);
      const settled = param.currentValue.formattedValue ?? String(param.currentValue.value);
      props.record(name, [settled]);
      await controls.refreshParameters();
      return `${name} set to ${settled}.`;
    });

  const { disabled } = props;
  const filters = controls.filters.filter((f) => !isHidden(stored.settings.hiddenFilters, f.field));
  const parameters = controls.parameters.filter((p) => !isHidden(stored.settings.hiddenParameters, p.name));
  return (
    <div className={own.controls} role="group" aria-label="Filters and parameters of this view">
      {filters.map((f) => (
        <FilterChips key={f.field} filter={f} disabled={disabled} onChange={onFilter} />
      ))}
      {parameters.map((p) => (
        <ParameterInput key={p.name} parameter={p} disabled={disabled} onChange={onParameter} />
      ))}
      {props.isAdmin ? (
        <ControlsSettings
          view={props.config.view}
          stored={stored}
          filters={controls.filters}
          parameters={controls.parameters}
          onSaved={setStored}
        />
      ) : null}
    </div>
  );
}

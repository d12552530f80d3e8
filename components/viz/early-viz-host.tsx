/**
 * Where the view page's early script puts the viz it starts before hydration (token-prefetch-script.ts reads
 * the `<tableau-viz>` attributes from these data-*). React leaves the host's content alone: its inner HTML is a
 * constant empty string, never reconciled, so an element added before hydration survives it.
 */
import type { Ref } from "react";
import type { VizDevice, VizToolbar } from "@/types/tableau-viz";
import styles from "./tableau-viz.module.css";
import { EARLY_HOST_ATTR } from "./token-prefetch-script";

const EMPTY_HTML = { __html: "" };

export function EarlyVizHost({
  ref,
  src,
  toolbar,
  device,
  hideTabs,
  filters,
}: {
  ref: Ref<HTMLDivElement>;
  src: string;
  toolbar: VizToolbar;
  device: VizDevice;
  hideTabs: boolean;
  filters: Record<string, string[]>;
}) {
  return (
    <div
      ref={ref}
      className={styles.earlyHost}
      {...{ [EARLY_HOST_ATTR]: "" }}
      data-src={src}
      data-toolbar={toolbar}
      data-device={device}
      data-hide-tabs={hideTabs ? "true" : undefined}
      data-filters={JSON.stringify(filters)}
      dangerouslySetInnerHTML={EMPTY_HTML}
    />
  );
}

"use client";
/**
 * One embedded Tableau view. It loads the Embedding API (server script or bundled package) and renders
 * `<tableau-viz>` with documented attributes and a token: for its first mount the one the page's server render
 * minted (`initialToken`, so the viz is in the server HTML and starts before hydration), for every other mount a
 * fresh one from the token route. It re-mints and remounts once when the sign-in fails, has its own "never became
 * interactive" timeout, and keeps the filters chosen in the viz so that a remount restores them as `<viz-filter>`
 * children.
 */
import { useCallback, useRef, useState } from "react";
import type { TableauVizElement, VizDevice, VizToolbar as VizToolbarPosition } from "@/types/tableau-viz";
import { explainLoadError } from "./viz/explain-failure";
import type { EmbedLibrary } from "./viz/load-embedding-api";
import { useFrameTitle } from "./viz/use-frame-title";
import { syncUrl, useFollowSize, useFullscreen } from "./viz/use-viz-frame";
import { announce } from "./live-announcer";
import { keptValues, type VizFilters } from "./viz/viz-actions";
import { useVizActions } from "./viz/use-viz-actions";
import { useVizElement } from "./viz/use-viz-element";
import { VizError } from "./viz/viz-error";
import { useVizMount } from "./viz/use-viz-mount";
import { safeHost, VizLoading, VizStalled } from "./viz/viz-status";
import { VizToolbar } from "./viz/viz-toolbar";
import { ViewControls, type ViewControlsConfig } from "./viz/view-controls";
import { SavedViews } from "./viz/saved-views/saved-views";
import { showSavedViewAddress } from "./viz/saved-views/saved-view-url";
import styles from "./viz/tableau-viz.module.css";

export interface TableauVizProps {
  /** Embed URL of the view (`{server}/t/{site}/views/Workbook/Sheet`). */
  src: string;
  /** The view's name, the iframe's title until the viz names its active sheet. */
  title: string;
  server: string;
  site: string;
  embedLibrary: EmbedLibrary;
  timeoutSeconds: number;
  isAdmin: boolean;
  /** The Tableau user the portal account maps to, for error messages. */
  tableauUsername: string | null;
  /** A token the page's server render minted for the first mount; spent by it, never by a remount. */
  initialToken?: string;
  /** Filters from the page URL (deep link), applied at load. */
  initialFilters?: VizFilters;
  /** The viz's own filters and parameters as controls above it, with the view's settings of which show. */
  controls?: ViewControlsConfig;
  toolbar?: VizToolbarPosition;
  /** "Save view…" and "My saved views" (Tableau custom views) beside the viz. */
  savedViews?: boolean;
  hideTabs?: boolean;
  device?: VizDevice;
}

export function TableauViz(props: TableauVizProps) {
  const { src, server, site, embedLibrary, timeoutSeconds, isAdmin, tableauUsername } = props;
  const [notice, setNotice] = useState("");
  // Every outcome is shown in the notice line and said once by the page's live announcer.
  const say = useCallback((text: string) => {
    setNotice(text);
    if (text) announce(text);
  }, []);
  const [sheetName, setSheetName] = useState<string | null>(null);
  // The live filters, read when a remount snapshots them (state would be stale inside event handlers).
  const filtersRef = useRef<VizFilters>({ ...props.initialFilters });
  // The viz's parameters (by lower-cased name): their deep-link entries are not filters to reset.
  const parameterNamesRef = useRef<Set<string>>(new Set());
  const onlyParameters = (keep: boolean) =>
    Object.fromEntries(
      Object.entries(filtersRef.current).filter(
        ([name]) => parameterNamesRef.current.has(name.toLowerCase()) === keep,
      ),
    );
  const vizRef = useRef<TableauVizElement | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const {
    mount,
    phase,
    setPhase,
    stalled,
    setStalled,
    remount: remountViz,
    retriedRef,
    generationRef,
  } = useVizMount({
    library: embedLibrary,
    server,
    timeoutSeconds,
    initialToken: props.initialToken,
    initialFilters: { ...props.initialFilters },
    currentFilters: () => ({ ...filtersRef.current }),
  });
  const remount = useCallback(
    (resetRetry: boolean) => {
      setNotice("");
      remountViz(resetRetry);
    },
    [remountViz],
  );

  const fullscreen = useFullscreen(rootRef);
  useFollowSize(rootRef, vizRef);
  useFrameTitle(rootRef, sheetName ?? props.title);

  const recordFilter = useCallback((field: string, values: string[] | null) => {
    const next = { ...filtersRef.current };
    if (values === null || values.length === 0) delete next[field];
    else next[field] = values;
    filtersRef.current = next;
    syncUrl(next);
  }, []);

  const context = { tableauUsername, site, server };
  const attachViz = useVizElement(vizRef, {
    firstinteractive: () => {
      retriedRef.current = false;
      setStalled(false);
      setSheetName(vizRef.current?.workbook?.activeSheet.name ?? null);
      setPhase({ kind: "interactive" });
    },
    vizloaderror: (event) => {
      const failed = generationRef.current;
      void explainLoadError(event.detail, context, !retriedRef.current).then((outcome) => {
        if (generationRef.current !== failed) return;
        if (outcome.kind === "retry") {
          // A spent or expired token is the common cause: one fresh token and remount, then give up.
          retriedRef.current = true;
          remount(false);
          return;
        }
        setStalled(false);
        setPhase({ kind: "error", message: outcome.message });
      });
    },
    tabswitched: (event) => {
      setSheetName(event.detail.newSheetName);
      say(`Now showing ${event.detail.newSheetName}.`);
    },
    filterchanged: (event) => {
      const { fieldName } = event.detail;
      void event.detail
        .getFilterAsync()
        .then((filter) => {
          const values = keptValues(filter);
          if (values !== undefined) recordFilter(fieldName, values);
        })
        .catch(() => undefined);
    },
  });

  const { busy, onAction, onExport } = useVizActions({
    viz: vizRef,
    root: rootRef,
    currentFilters: () => onlyParameters(false),
    clearFilters: () => {
      filtersRef.current = onlyParameters(true);
      syncUrl(filtersRef.current);
    },
    reload: () => remount(true),
    say,
  });

  const tableauHost = safeHost(server);
  return (
    <div ref={rootRef} className={styles.root} data-testid="tableau-viz-root" data-phase={phase.kind}>
      {phase.kind === "error" ? null : (
        <VizToolbar
          viz={vizRef}
          ready={phase.kind === "interactive"}
          busy={busy}
          fullscreen={fullscreen}
          controls={
            props.controls ? (
              <ViewControls
                viz={vizRef}
                loadKey={phase.kind === "interactive" ? (mount?.generation ?? 0) : null}
                disabled={phase.kind !== "interactive"}
                isAdmin={isAdmin}
                config={props.controls}
                requested={() => ({ ...filtersRef.current })}
                record={recordFilter}
                onParameters={(list) => {
                  parameterNamesRef.current = new Set(list.map((p) => p.name.toLowerCase()));
                }}
                setNotice={say}
              />
            ) : null
          }
          onAction={onAction}
          onExport={onExport}
        />
      )}
      {props.savedViews && phase.kind !== "error" ? (
        <SavedViews
          viz={vizRef}
          loadKey={phase.kind === "interactive" ? (mount?.generation ?? 0) : null}
          tableauUsername={tableauUsername}
          onLoaded={(cv) => {
            filtersRef.current = {};
            showSavedViewAddress(cv);
          }}
        />
      ) : null}
      {/* A banner, not an overlay: whatever Tableau shows in the iframe (often its sign-in page) stays visible. */}
      {phase.kind === "loading" && stalled ? (
        <VizStalled tableauHost={tableauHost} seconds={timeoutSeconds} onRetry={() => remount(true)} />
      ) : null}
      <div className={styles.frame} data-state={phase.kind}>
        {mount && phase.kind !== "error" ? (
          <tableau-viz
            key={mount.generation}
            ref={attachViz}
            className={styles.viz}
            src={src}
            token={mount.token}
            toolbar={props.toolbar ?? "bottom"}
            {...(props.hideTabs ? { "hide-tabs": true as const } : {})}
            device={props.device ?? "default"}
            // The viz is the page's main content, on screen from the start: a lazy iframe would wait for a
            // layout pass to see that, and on a page still hydrating that pass comes late.
            iframe-attr-loading="eager"
            width="100%"
            height="100%"
            // Once the library has defined it, the element restyles itself and adds its iframe inside.
            suppressHydrationWarning
            dangerouslySetInnerHTML={{ __html: mount.filterMarkup }}
          />
        ) : null}
        {phase.kind === "loading" && !stalled ? <VizLoading step={phase.step} /> : null}
        {phase.kind === "error" ? (
          <VizError
            message={phase.message}
            isAdmin={isAdmin}
            onRetry={() => remount(true)}
            action={phase.action}
          />
        ) : null}
      </div>
      <p className={styles.notice} data-testid="viz-notice">
        {notice}
      </p>
    </div>
  );
}

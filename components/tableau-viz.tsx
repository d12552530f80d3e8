"use client";
/**
 * One embedded Tableau view. Client only: it loads the Embedding API (server script or bundled package), asks
 * the token route for a fresh token on every mount, and renders `<tableau-viz>` with documented attributes. It
 * re-mints and remounts once when the sign-in fails, has its own "never became interactive" timeout, and keeps
 * the filters chosen in the viz so that a remount restores them as `<viz-filter>` children. On a direct load
 * of a view page, the first viz may already have been started by the page's early script, before hydration:
 * the component then adopts that element (viz/early-viz.ts) instead of rendering its own.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { describeVizLoadError, parseVizLoadError, type EmbedErrorMessage } from "@/lib/tableau/embed";
import type {
  FilterChangedDetail,
  TabSwitchedDetail,
  TableauVizElement,
  VizDevice,
  VizLoadErrorDetail,
  VizToolbar as VizToolbarPosition,
} from "@/types/tableau-viz";
import { awaitEarlyViz, listenToEarlyViz, type EarlyViz, type VizEventType } from "./viz/early-viz";
import { takeEmbedToken } from "./viz/fetch-embed-token";
import { loadEmbeddingApi, type EmbedLibrary } from "./viz/load-embedding-api";
import { describeTokenFailure, libraryLoadFailure } from "./viz/token-errors";
import { EARLY_HOST_ATTR, EARLY_HOST_TAKEN_ATTR } from "./viz/token-prefetch-script";
import {
  applyFieldFilter,
  canExportPdf,
  keptValues,
  resetFilters,
  toError,
  type VizFilters,
} from "./viz/viz-actions";
import { VizError } from "./viz/viz-error";
import { VizLoading, VizStalled, type LoadingStep } from "./viz/viz-status";
import { VizToolbar, type QuickFilter, type ToolbarAction } from "./viz/viz-toolbar";
import styles from "./viz/tableau-viz.module.css";

export interface TableauVizProps {
  /** Embed URL of the view (`{server}/t/{site}/views/Workbook/Sheet`). */
  src: string;
  server: string;
  site: string;
  embedLibrary: EmbedLibrary;
  timeoutSeconds: number;
  isAdmin: boolean;
  /** The Tableau user the portal account maps to, for error messages. */
  tableauUsername: string | null;
  /** Filters from the page URL (deep link), applied at load. */
  initialFilters?: VizFilters;
  quickFilter?: QuickFilter;
  toolbar?: VizToolbarPosition;
  hideTabs?: boolean;
  device?: VizDevice;
}

type Phase =
  | { kind: "loading"; step: LoadingStep }
  | { kind: "interactive" }
  | { kind: "error"; message: EmbedErrorMessage; action?: { href: string; label: string } };

interface Mount {
  generation: number;
  token: string;
  filters: VizFilters;
  /** The early script's viz, adopted: nothing to render, it is already in the early host. */
  early?: EarlyViz;
}

export function TableauViz(props: TableauVizProps) {
  const { src, server, site, embedLibrary, timeoutSeconds, isAdmin, tableauUsername, quickFilter } = props;
  const [generation, setGeneration] = useState(0);
  const [mount, setMount] = useState<Mount | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "loading", step: "library" });
  const [stalled, setStalled] = useState(false);
  const [filters, setFilters] = useState<VizFilters>(() => ({ ...props.initialFilters }));
  const [pdfSupported, setPdfSupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const [fullscreen, setFullscreen] = useState(false);
  // The live filters, read when a remount snapshots them (state would be stale inside event handlers).
  const filtersRef = useRef<VizFilters>({ ...props.initialFilters });
  const retriedRef = useRef(false);
  const vizRef = useRef<TableauVizElement | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const earlyHostRef = useRef<HTMLDivElement | null>(null);
  const handlersRef = useRef<Partial<Record<VizEventType, (event: Event) => void>>>({});

  const remount = useCallback((resetRetry: boolean) => {
    if (resetRetry) retriedRef.current = false;
    earlyHostRef.current?.replaceChildren();
    setMount(null);
    setStalled(false);
    setNotice("");
    setPhase({ kind: "loading", step: "library" });
    setGeneration((g) => g + 1);
  }, []);

  // Every mount: load the library (once per page), mint a fresh token, then render the viz.
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      // The library and the token do not depend on each other: fetch both at once.
      const library = loadEmbeddingApi(embedLibrary, server).then(
        () => true,
        () => false,
      );
      if (generation === 0) {
        const early = await awaitEarlyViz(() => earlyHostRef.current);
        if (abort.signal.aborted) return;
        if (early) {
          vizRef.current = early.element;
          setMount({ generation, token: "", filters: { ...filtersRef.current }, early });
          setPhase({ kind: "loading", step: "viz" });
          return;
        }
      }
      earlyHostRef.current?.setAttribute(EARLY_HOST_TAKEN_ATTR, "");
      const token = takeEmbedToken(abort.signal);
      const [loaded, result] = await Promise.all([library, token]);
      if (abort.signal.aborted) return;
      if (!loaded) {
        setPhase({ kind: "error", message: libraryLoadFailure(server, embedLibrary === "bundled") });
        return;
      }
      if (!result.ok) {
        const action = result.status === 401 ? { href: "/login", label: "Sign in" } : undefined;
        setPhase({ kind: "error", message: describeTokenFailure(result.status, result.message), action });
        return;
      }
      setMount({ generation, token: result.token, filters: { ...filtersRef.current } });
      setPhase({ kind: "loading", step: "viz" });
    })();
    return () => abort.abort();
  }, [generation, embedLibrary, server]);

  // Our own timeout: firstinteractive has none, and a blocked cookie gives no event at all.
  const waitingForViz = mount !== null && phase.kind === "loading";
  useEffect(() => {
    if (!waitingForViz) return;
    const timer = window.setTimeout(() => setStalled(true), timeoutSeconds * 1000);
    return () => window.clearTimeout(timer);
  }, [waitingForViz, mount, timeoutSeconds]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === rootRef.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  // Follow the container's size (the viz is 100% × 100% of it; resize() tells Tableau to lay out again).
  useEffect(() => {
    const root = rootRef.current;
    if (!root || typeof ResizeObserver === "undefined") return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => vizRef.current?.resize?.());
    });
    observer.observe(root);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);

  const recordFilter = useCallback((field: string, values: string[] | null) => {
    const next = { ...filtersRef.current };
    if (values === null || values.length === 0) delete next[field];
    else next[field] = values;
    filtersRef.current = next;
    setFilters(next);
    syncUrl(next);
  }, []);

  const onFirstInteractive = useCallback(() => {
    retriedRef.current = false;
    setStalled(false);
    setPdfSupported(canExportPdf(vizRef.current));
    setPhase({ kind: "interactive" });
  }, []);

  const context = { tableauUsername, site, server };
  const onLoadError = (event: CustomEvent<VizLoadErrorDetail>) => {
    const parsed = parseVizLoadError(event.detail);
    if (parsed.isAuthFailure && !retriedRef.current) {
      // A spent or expired token is the common cause: one fresh token and remount, then give up.
      retriedRef.current = true;
      remount(false);
      return;
    }
    setStalled(false);
    setPhase({ kind: "error", message: describeVizLoadError(parsed, context) });
  };

  const onTabSwitched = (event: CustomEvent<TabSwitchedDetail>) =>
    setNotice(`Now showing ${event.detail.newSheetName}.`);

  const onFilterChanged = (event: CustomEvent<FilterChangedDetail>) => {
    const { fieldName } = event.detail;
    void event.detail
      .getFilterAsync()
      .then((filter) => {
        const values = keptValues(filter);
        if (values !== undefined) recordFilter(fieldName, values);
      })
      .catch(() => undefined);
  };

  // The adopted early viz is not React's element: its events reach the same handlers through listeners.
  useEffect(() => {
    handlersRef.current = {
      firstinteractive: onFirstInteractive,
      vizloaderror: (event) => onLoadError(event as CustomEvent<VizLoadErrorDetail>),
      filterchanged: (event) => onFilterChanged(event as CustomEvent<FilterChangedDetail>),
      tabswitched: (event) => onTabSwitched(event as CustomEvent<TabSwitchedDetail>),
    };
  });
  const early = mount?.early;
  useEffect(() => {
    if (!early) return;
    return listenToEarlyViz(early, (type, event) => handlersRef.current[type]?.(event));
  }, [early]);
  useEffect(() => {
    if (phase.kind === "error") earlyHostRef.current?.replaceChildren();
  }, [phase.kind]);

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

  const onQuickFilter = (value: string | null) => {
    if (!quickFilter) return;
    const values = value === null ? [] : [value];
    void run("Filtering", async (viz) => {
      await applyFieldFilter(viz, quickFilter.field, values);
      recordFilter(quickFilter.field, values);
    });
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
          await resetFilters(viz, filtersRef.current);
          filtersRef.current = {};
          setFilters({});
          syncUrl({});
        });
      case "reload":
        return remount(true);
      case "fullscreen":
        if (document.fullscreenElement) return void document.exitFullscreen().catch(() => undefined);
        return void rootRef.current
          ?.requestFullscreen()
          .catch(() => setNotice("Full screen is not available here."));
    }
  };

  const tableauHost = safeHost(server);
  return (
    <div ref={rootRef} className={styles.root} data-testid="tableau-viz-root" data-phase={phase.kind}>
      {phase.kind === "error" ? null : (
        <VizToolbar
          ready={phase.kind === "interactive"}
          busy={busy}
          pdfSupported={pdfSupported}
          fullscreen={fullscreen}
          quickFilter={quickFilter}
          activeValues={quickFilter ? filters[quickFilter.field] : undefined}
          onAction={onAction}
          onQuickFilter={onQuickFilter}
        />
      )}
      {/* A banner, not an overlay: whatever Tableau shows in the iframe (often its sign-in page) stays visible. */}
      {phase.kind === "loading" && stalled ? (
        <VizStalled tableauHost={tableauHost} seconds={timeoutSeconds} onRetry={() => remount(true)} />
      ) : null}
      <div className={styles.frame} data-state={phase.kind}>
        {/* The early script's viz goes here, before hydration; React leaves the host's content alone. */}
        <div
          ref={earlyHostRef}
          className={styles.earlyHost}
          {...{ [EARLY_HOST_ATTR]: "" }}
          data-src={src}
          data-toolbar={props.toolbar ?? "bottom"}
          data-device={props.device ?? "default"}
          data-hide-tabs={props.hideTabs ? "true" : undefined}
          data-filters={JSON.stringify(props.initialFilters ?? {})}
          dangerouslySetInnerHTML={EMPTY_HTML}
        />
        {mount && !mount.early && phase.kind !== "error" ? (
          <tableau-viz
            key={mount.generation}
            ref={vizRef}
            className={styles.viz}
            src={src}
            token={mount.token}
            toolbar={props.toolbar ?? "bottom"}
            {...(props.hideTabs ? { "hide-tabs": true as const } : {})}
            device={props.device ?? "default"}
            width="100%"
            height="100%"
            onfirstinteractive={onFirstInteractive}
            onvizloaderror={onLoadError}
            onfilterchanged={onFilterChanged}
            ontabswitched={onTabSwitched}
          >
            {Object.entries(mount.filters).map(([field, values]) => (
              <viz-filter key={field} field={field} value={values.join(",")} />
            ))}
          </tableau-viz>
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
      <p className={styles.notice} aria-live="polite" data-testid="viz-notice">
        {notice}
      </p>
    </div>
  );
}

const EMPTY_HTML = { __html: "" };

/** Keeps the page URL a deep link to what is shown (`?Region=East`), without a navigation. */
function syncUrl(filters: VizFilters): void {
  const url = new URL(window.location.href);
  for (const key of [...url.searchParams.keys()]) url.searchParams.delete(key);
  for (const [field, values] of Object.entries(filters)) url.searchParams.set(field, values.join(","));
  window.history.replaceState(window.history.state, "", url);
}

function safeHost(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

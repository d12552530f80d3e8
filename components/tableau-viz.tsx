"use client";
/**
 * One embedded Tableau view. It loads the Embedding API (server script or bundled package) and renders
 * `<tableau-viz>` with documented attributes and a token: for its first mount the one the page's server render
 * minted (`initialToken`, so the viz is in the server HTML and starts before hydration), for every other mount a
 * fresh one from the token route. It re-mints and remounts once when the sign-in fails, has its own "never became
 * interactive" timeout, and keeps the filters chosen in the viz so that a remount restores them as `<viz-filter>`
 * children.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { describeVizLoadError, parseVizLoadError, type EmbedErrorMessage } from "@/lib/tableau/embed";
import type { TableauVizElement, VizDevice, VizToolbar as VizToolbarPosition } from "@/types/tableau-viz";
import type { EmbedLibrary } from "./viz/load-embedding-api";
import { isFreshPageToken, spendPageToken } from "./viz/page-token";
import { startMount } from "./viz/start-mount";
import { syncUrl, useFollowSize, useFullscreen } from "./viz/use-viz-frame";
import { canExportPdf, keptValues, type VizFilters } from "./viz/viz-actions";
import { useVizActions } from "./viz/use-viz-actions";
import { useVizElement } from "./viz/use-viz-element";
import { VizError } from "./viz/viz-error";
import { VizLoading, VizStalled, type LoadingStep } from "./viz/viz-status";
import { vizFilterMarkup } from "./viz/viz-filter-markup";
import { VizToolbar, type QuickFilter } from "./viz/viz-toolbar";
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
  /** A token the page's server render minted for the first mount; spent by it, never by a remount. */
  initialToken?: string;
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
  /** The `<viz-filter>` children, fixed for the mount's life. */
  filterMarkup: string;
}

const newMount = (generation: number, token: string, filters: VizFilters): Mount => ({
  generation,
  token,
  filterMarkup: vizFilterMarkup(filters),
});

export function TableauViz(props: TableauVizProps) {
  const { src, server, site, embedLibrary, timeoutSeconds, isAdmin, tableauUsername, quickFilter } = props;
  const [generation, setGeneration] = useState(0);
  // Read once: the server render and hydration see the same token, and a spent one is never mounted again.
  const [pageToken] = useState(() => (isFreshPageToken(props.initialToken) ? props.initialToken : undefined));
  const [mount, setMount] = useState<Mount | null>(() =>
    pageToken ? newMount(0, pageToken, { ...props.initialFilters }) : null,
  );
  const [phase, setPhase] = useState<Phase>({ kind: "loading", step: pageToken ? "viz" : "library" });
  const [stalled, setStalled] = useState(false);
  const [filters, setFilters] = useState<VizFilters>(() => ({ ...props.initialFilters }));
  const [pdfSupported, setPdfSupported] = useState(false);
  const [notice, setNotice] = useState("");
  // The live filters, read when a remount snapshots them (state would be stale inside event handlers).
  const filtersRef = useRef<VizFilters>({ ...props.initialFilters });
  const retriedRef = useRef(false);
  const vizRef = useRef<TableauVizElement | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);

  const remount = useCallback((resetRetry: boolean) => {
    if (resetRetry) retriedRef.current = false;
    setMount(null);
    setStalled(false);
    setNotice("");
    setPhase({ kind: "loading", step: "library" });
    setGeneration((g) => g + 1);
  }, []);

  // Every mount: load the library (once per page) and get a token, then render the viz. The first mount with a
  // page token is rendered already (by the server, on a direct load): it only needs the library.
  useEffect(() => {
    const abort = new AbortController();
    const fromPage = generation === 0 ? pageToken : undefined;
    if (fromPage) spendPageToken(fromPage);
    void startMount({ library: embedLibrary, server, signal: abort.signal, pageToken: fromPage }).then(
      (start) => {
        if (start.kind === "aborted" || abort.signal.aborted) return;
        if (start.kind === "error") {
          setPhase({ kind: "error", message: start.message, action: start.action });
          return;
        }
        if (fromPage) return;
        setMount(newMount(generation, start.token, filtersRef.current));
        setPhase({ kind: "loading", step: "viz" });
      },
    );
    return () => abort.abort();
  }, [generation, embedLibrary, server, pageToken]);

  // Our own timeout: firstinteractive has none, and a blocked cookie gives no event at all.
  const waitingForViz = mount !== null && phase.kind === "loading";
  useEffect(() => {
    if (!waitingForViz) return;
    const timer = window.setTimeout(() => setStalled(true), timeoutSeconds * 1000);
    return () => window.clearTimeout(timer);
  }, [waitingForViz, mount, timeoutSeconds]);

  const fullscreen = useFullscreen(rootRef);
  useFollowSize(rootRef, vizRef);

  const recordFilter = useCallback((field: string, values: string[] | null) => {
    const next = { ...filtersRef.current };
    if (values === null || values.length === 0) delete next[field];
    else next[field] = values;
    filtersRef.current = next;
    setFilters(next);
    syncUrl(next);
  }, []);

  const context = { tableauUsername, site, server };
  const attachViz = useVizElement(vizRef, {
    firstinteractive: () => {
      retriedRef.current = false;
      setStalled(false);
      setPdfSupported(canExportPdf(vizRef.current));
      setPhase({ kind: "interactive" });
    },
    vizloaderror: (event) => {
      const parsed = parseVizLoadError(event.detail);
      if (parsed.isAuthFailure && !retriedRef.current) {
        // A spent or expired token is the common cause: one fresh token and remount, then give up.
        retriedRef.current = true;
        remount(false);
        return;
      }
      setStalled(false);
      setPhase({ kind: "error", message: describeVizLoadError(parsed, context) });
    },
    tabswitched: (event) => setNotice(`Now showing ${event.detail.newSheetName}.`),
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

  const { busy, onAction, onQuickFilter } = useVizActions({
    viz: vizRef,
    root: rootRef,
    quickFilter,
    currentFilters: () => filtersRef.current,
    recordFilter,
    clearFilters: () => {
      filtersRef.current = {};
      setFilters({});
      syncUrl({});
    },
    reload: () => remount(true),
    setNotice,
  });

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
      <p className={styles.notice} aria-live="polite" data-testid="viz-notice">
        {notice}
      </p>
    </div>
  );
}

function safeHost(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

/**
 * The viz's mounts: each one a `<tableau-viz>` with a token of its own. The first mount takes the token the
 * page's server render minted, if it has not been spent in this page life; every other mount (a retry, a reload)
 * asks the token route for a fresh one. Also the loading, interactive and error phases, and the portal's own
 * "never became interactive" timeout.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { EmbedErrorMessage } from "@/lib/tableau/embed";
import type { EmbedLibrary } from "./load-embedding-api";
import { isFreshPageToken, spendPageToken } from "./page-token";
import { startMount } from "./start-mount";
import type { VizFilters } from "./viz-actions";
import { vizFilterMarkup } from "./viz-filter-markup";
import type { LoadingStep } from "./viz-status";

export type Phase =
  | { kind: "loading"; step: LoadingStep }
  | { kind: "interactive" }
  | { kind: "error"; message: EmbedErrorMessage; action?: { href: string; label: string } };

export interface Mount {
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

export function useVizMount(opts: {
  library: EmbedLibrary;
  server: string;
  timeoutSeconds: number;
  initialToken: string | undefined;
  initialFilters: VizFilters;
  /** The filters now applied, which a remount restores. */
  currentFilters: () => VizFilters;
}) {
  const { library, server, timeoutSeconds, currentFilters } = opts;
  const [generation, setGeneration] = useState(0);
  // Read once: the server render and hydration see the same token, and a spent one is never mounted again.
  const [pageToken] = useState(() => (isFreshPageToken(opts.initialToken) ? opts.initialToken : undefined));
  const [mount, setMount] = useState<Mount | null>(() =>
    pageToken ? newMount(0, pageToken, opts.initialFilters) : null,
  );
  const [phase, setPhase] = useState<Phase>({ kind: "loading", step: pageToken ? "viz" : "library" });
  const [stalled, setStalled] = useState(false);
  const retriedRef = useRef(false);
  // The mount an asynchronous outcome belongs to: a late one for a mount already replaced is dropped.
  const generationRef = useRef(0);
  const filtersRef = useRef(currentFilters);
  useEffect(() => {
    filtersRef.current = currentFilters;
  });

  const remount = useCallback((resetRetry: boolean) => {
    if (resetRetry) retriedRef.current = false;
    setMount(null);
    setStalled(false);
    setPhase({ kind: "loading", step: "library" });
    generationRef.current += 1;
    setGeneration(generationRef.current);
  }, []);

  // Every mount: load the library (once per page) and get a token, then render the viz. The first mount with a
  // page token is rendered already (by the server, on a direct load): it only needs the library.
  useEffect(() => {
    const abort = new AbortController();
    const fromPage = generation === 0 ? pageToken : undefined;
    if (fromPage) spendPageToken(fromPage);
    void startMount({ library, server, signal: abort.signal, pageToken: fromPage }).then((start) => {
      if (start.kind === "aborted" || abort.signal.aborted) return;
      if (start.kind === "error") {
        setPhase({ kind: "error", message: start.message, action: start.action });
        return;
      }
      if (fromPage) return;
      setMount(newMount(generation, start.token, filtersRef.current()));
      setPhase({ kind: "loading", step: "viz" });
    });
    return () => abort.abort();
  }, [generation, library, server, pageToken]);

  // Our own timeout: firstinteractive has none, and a blocked cookie gives no event at all.
  const waitingForViz = mount !== null && phase.kind === "loading";
  useEffect(() => {
    if (!waitingForViz) return;
    const timer = window.setTimeout(() => setStalled(true), timeoutSeconds * 1000);
    return () => window.clearTimeout(timer);
  }, [waitingForViz, mount, timeoutSeconds]);

  return { mount, phase, setPhase, stalled, setStalled, remount, retriedRef, generationRef };
}

import styles from "./tableau-viz.module.css";

const STEPS = {
  library: "Connecting to Tableau…",
  viz: "Loading the dashboard…",
} as const;

export type LoadingStep = keyof typeof STEPS;

/**
 * Shown in the viz area until the viz is interactive, beneath the viz (which must stay laid out to load): the
 * view Tableau paints covers it as soon as it is there.
 */
export function VizLoading({ step }: { step: LoadingStep }) {
  return (
    <div className={styles.overlay} role="status" aria-live="polite" data-testid="viz-loading">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{STEPS[step]}</span>
    </div>
  );
}

/**
 * The viz did not become interactive in time. The usual cause is a browser that blocks third-party cookies:
 * Tableau's session cookie never reaches the iframe and Tableau shows its sign-in page, with no event to tell.
 */
export function VizStalled({
  tableauHost,
  seconds,
  onRetry,
}: {
  tableauHost: string;
  seconds: number;
  onRetry: () => void;
}) {
  return (
    <div className={styles.banner} role="alert" data-testid="viz-stalled">
      <h2 className={styles.panelTitle}>The dashboard is taking too long to appear</h2>
      <p>
        It has not finished loading after {seconds} seconds. Your browser may be blocking Tableau&apos;s
        cookies, which the dashboard needs to sign you in.
      </p>
      <p>
        To fix it, allow third-party cookies for <strong>{tableauHost}</strong> in your browser&apos;s privacy
        settings (or turn off strict tracking protection for this portal), then try again. If that is not
        allowed where you work, ask your administrator to serve Tableau from the same site as this portal.
      </p>
      <p>
        If the dashboard then loads slowly or not at all, Tableau itself may be slow or failing: try again
        later.
      </p>
      <div className={styles.panelActions}>
        <button type="button" className={styles.button} onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}

/** The Tableau server's host for messages, or the setting as given when it is not a URL. */
export function safeHost(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

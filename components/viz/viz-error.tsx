import type { EmbedErrorMessage } from "@/lib/tableau/embed";
import styles from "./tableau-viz.module.css";

/** The error panel: what happened and what to do, plus a separate technical line for admins only. */
export function VizError({
  message,
  isAdmin,
  onRetry,
  action,
}: {
  message: EmbedErrorMessage;
  isAdmin: boolean;
  onRetry?: () => void;
  action?: { href: string; label: string };
}) {
  return (
    <div className={styles.panel} role="alert" data-testid="viz-error">
      <h2 className={styles.panelTitle}>{message.title}</h2>
      <p>{message.userMessage}</p>
      {isAdmin ? (
        <p className={styles.adminLine} data-testid="viz-error-admin">
          <strong>For admins:</strong> {message.adminMessage}
        </p>
      ) : null}
      <div className={styles.panelActions}>
        {onRetry ? (
          <button type="button" className={styles.button} onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {action ? (
          <a className={styles.button} href={action.href}>
            {action.label}
          </a>
        ) : null}
      </div>
    </div>
  );
}

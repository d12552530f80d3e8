import Link from "next/link";
import styles from "./workbooks.module.css";

/** What went wrong reading from Tableau, in words an admin can act on, and a way to try again. */
export function WorkbooksError(props: { code: string; message: string; retryHref: string }) {
  return (
    <div role="alert" className="alert alert-error" data-testid="workbooks-error" data-code={props.code}>
      <p>
        <strong>The workbooks could not be loaded.</strong> {props.message}
      </p>
      <p className={styles.errorActions}>
        <Link href={props.retryHref} prefetch={false} className="button" data-testid="workbooks-retry">
          Try again
        </Link>
      </p>
    </div>
  );
}

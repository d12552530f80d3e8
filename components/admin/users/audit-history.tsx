import type { AuditEntry } from "@/lib/db/repositories/audit";
import styles from "./users.module.css";

const ACTIONS: Record<string, string> = {
  "user.create": "created",
  "user.update": "changed",
  "user.disable": "disabled",
  "user.enable": "enabled",
  "user.password_reset": "reset the password",
  "user.password_change": "changed the password",
  "user.delete": "deleted",
  "user.sso-create": "created at the first single sign-on",
  "user.sso-update": "single sign-on's rules updated",
  "user.sso-link": "linked to a single sign-on identity",
  "sso-rules.update": "saved the single sign-on rules",
  "sso-rules.seed": "loaded the single sign-on rules from their file",
  "user.manual-fields-cleared": "gave the fields set by hand back to the single sign-on rules",
};

function describe(changes: AuditEntry["changes"]): string {
  return Object.entries(changes)
    .map(([field, [before, after]]) =>
      field === "passwordHash"
        ? "password"
        : `${field}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    )
    .join("; ");
}

export function AuditHistory({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="muted">No changes recorded.</p>;
  return (
    <ol className={styles.history} data-testid="audit-history">
      {entries.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at}>{entry.at.replace("T", " ").slice(0, 19)} UTC</time> · {entry.actor}{" "}
          {ACTIONS[entry.action] ?? entry.action}
          {Object.keys(entry.changes).length ? (
            <span className="muted"> ({describe(entry.changes)})</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

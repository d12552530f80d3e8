import styles from "./users.module.css";
import { describeMapping, type MappingCheck } from "@/lib/admin/users/mapping-check";

const CLASS: Record<MappingCheck["kind"], string> = {
  ok: "badge",
  missing: `badge ${styles.danger}`,
  unmapped: "badge badge-muted",
  unknown: "badge badge-muted",
};

/** Whether a mapping works, in words (the colour only repeats them). */
export function MappingBadge({ check }: { check: MappingCheck }) {
  return (
    <span className={CLASS[check.kind]} data-testid="mapping-check" data-kind={check.kind}>
      {describeMapping(check)}
    </span>
  );
}

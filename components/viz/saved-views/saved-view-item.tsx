"use client";
/** One saved view in the list: open it, make it the default, link to it, delete it (after a confirmation). */
import { useEffect, useRef, useState } from "react";
import { parseCustomViewUrl, savedViewPath } from "@/lib/saved-views/paths";
import type { SavedView } from "./use-saved-views";
import styles from "./saved-views.module.css";

export function SavedViewItem({
  view,
  showing,
  mine,
  busy,
  onOpen,
  onDefault,
  onDelete,
}: {
  view: SavedView;
  showing: boolean;
  mine: boolean;
  busy: boolean;
  onOpen: () => void;
  onDefault: () => void;
  /** Resolves true once deleted; the list then moves the focus. */
  onDelete: () => Promise<boolean>;
}) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const target = parseCustomViewUrl(view.url);
  const guard = (fn: () => void) => () => {
    if (!busy) fn();
  };
  const hidden = <span className="visually-hidden"> “{view.name}”</span>;

  return (
    <li className={styles.item} data-testid="saved-view" data-name={view.name}>
      <div className={styles.itemText}>
        <span className={styles.name}>{view.name}</span>
        {view.isDefault ? <span className="badge">Your default</span> : null}
        {showing ? <span className="badge badge-muted">Showing</span> : null}
        {mine ? null : <span className="muted small">shared by {view.ownerName}</span>}
      </div>
      {confirming ? (
        <div className={styles.actions} role="group" aria-label={`Delete “${view.name}”?`}>
          <span className={styles.confirm}>Delete “{view.name}” for good?</span>
          <button
            type="button"
            className="button button-sm button-danger"
            aria-disabled={busy || undefined}
            onClick={guard(() => void onDelete().then((ok) => !ok && setConfirming(false)))}
          >
            Yes, delete{hidden}
          </button>
          <button
            ref={cancelRef}
            type="button"
            className="button button-sm button-secondary"
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className={styles.actions}>
          <button
            type="button"
            className="button button-sm"
            aria-disabled={busy || undefined}
            onClick={guard(onOpen)}
          >
            Open{hidden}
          </button>
          {view.isDefault ? null : (
            <button
              type="button"
              className="button button-sm button-secondary"
              aria-disabled={busy || undefined}
              onClick={guard(onDefault)}
            >
              Make default{hidden}
            </button>
          )}
          {target ? (
            <a
              className="button button-sm button-ghost"
              href={savedViewPath(target.workbook, target.sheet, target.id)}
            >
              Link{hidden}
            </a>
          ) : null}
          {mine ? (
            <button
              ref={deleteRef}
              type="button"
              className="button button-sm button-ghost"
              aria-disabled={busy || undefined}
              onClick={guard(() => setConfirming(true))}
            >
              Delete{hidden}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}

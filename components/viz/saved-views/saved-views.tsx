"use client";
/**
 * Saved views beside the viz: "Save view…" (a name, saved as a Tableau custom view of the sheet shown) and
 * "My saved views" (open, make default, link, delete). Both are disclosures, so the page stays calm until
 * asked; the list follows the viz's customview* events.
 */
import { useId, useRef, useState, type RefObject } from "react";
import type { TableauVizElement } from "@/types/tableau-viz";
import { SaveViewForm } from "./save-view-form";
import { SavedViewItem } from "./saved-view-item";
import { useSavedViews, type SavedView } from "./use-saved-views";
import styles from "./saved-views.module.css";

export function SavedViews({
  viz,
  loadKey,
  tableauUsername,
  onLoaded,
}: {
  viz: RefObject<TableauVizElement | null>;
  loadKey: number | null;
  /** The signed-in person's Tableau user: their own saved views may be deleted, others' only opened. */
  tableauUsername: string | null;
  onLoaded: (cv: SavedView | undefined) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState<"save" | "list" | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const saved = useSavedViews({ viz, loadKey, onLoaded });
  const ready = loadKey !== null;
  if (ready && !saved.supported) return null;
  const views = saved.views ?? [];
  const mine = (v: SavedView) => tableauUsername !== null && v.ownerName === tableauUsername;
  const toggle = (which: "save" | "list") => setOpen((now) => (now === which ? null : which));

  return (
    <div className={styles.root} data-testid="saved-views">
      <div className={styles.bar}>
        <button
          type="button"
          className="button button-sm button-secondary"
          aria-expanded={open === "save"}
          aria-controls={`${id}-save`}
          aria-disabled={!ready || undefined}
          onClick={() => ready && toggle("save")}
        >
          Save view…
        </button>
        <button
          type="button"
          className="button button-sm button-secondary"
          aria-expanded={open === "list"}
          aria-controls={`${id}-list`}
          aria-disabled={!ready || undefined}
          onClick={() => ready && toggle("list")}
        >
          My saved views{saved.views ? ` (${views.length})` : ""}
        </button>
        {saved.active ? (
          <span className="muted small" data-testid="saved-view-showing">
            Showing saved view “{saved.active}”
          </span>
        ) : null}
      </div>
      <div id={`${id}-save`} hidden={open !== "save"} className={styles.panel}>
        <SaveViewForm
          busy={saved.busy}
          ownNames={views.filter(mine).map((v) => v.name)}
          onSave={saved.save}
        />
      </div>
      <section
        id={`${id}-list`}
        hidden={open !== "list"}
        className={styles.panel}
        aria-labelledby={`${id}-heading`}
      >
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className={styles.heading}>
          My saved views
        </h2>
        {saved.views === null ? (
          <p className="muted small">Your saved views could not be read from Tableau just now.</p>
        ) : views.length === 0 ? (
          <p className="muted small">None yet for this sheet: use “Save view…” to keep what you see.</p>
        ) : (
          <ul className={styles.list} data-testid="saved-view-list">
            {views.map((v) => (
              <SavedViewItem
                key={`${v.ownerName}\u0000${v.name}`}
                view={v}
                showing={saved.active === v.name}
                mine={mine(v)}
                busy={saved.busy}
                onOpen={() => void saved.open(v.name)}
                onDefault={() => void saved.makeDefault(v.name)}
                onDelete={async () => {
                  const ok = await saved.remove(v.name);
                  // The item is gone with its buttons: the list's heading takes the focus.
                  if (ok) headingRef.current?.focus();
                  return ok;
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

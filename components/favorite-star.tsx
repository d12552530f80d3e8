"use client";
/**
 * The star of a view: a toggle button that adds or removes the view from the user's Tableau favorites. The
 * button keeps the keyboard focus; the outcome is announced, and the page's favorites row refreshes.
 */
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { setFavoriteAction } from "@/lib/favorites/actions";
import { announce } from "./live-announcer";
import styles from "./favorite-star.module.css";

export function FavoriteStar({
  viewId,
  label,
  initial,
}: {
  viewId: string;
  label: string;
  initial: boolean;
}) {
  const router = useRouter();
  const [favorite, setFavorite] = useState(initial);
  // A refresh of the page (after a star elsewhere on it changed) brings a new `initial`: follow it.
  const [seenInitial, setSeenInitial] = useState(initial);
  if (initial !== seenInitial) {
    setSeenInitial(initial);
    setFavorite(initial);
  }
  const busy = useRef(false);

  const toggle = async () => {
    if (busy.current) return;
    busy.current = true;
    const next = !favorite;
    setFavorite(next);
    const result = await setFavoriteAction({ viewId, label, favorite: next }).catch(() => ({
      ok: false as const,
      message: "The favorite could not be saved now; try again shortly.",
    }));
    busy.current = false;
    if (!result.ok) {
      setFavorite(!next);
      announce(result.message);
      return;
    }
    // Through the page's one live region: a region per star would put a hundred of them in the catalog.
    announce(next ? `${label} added to your favorites.` : `${label} removed from your favorites.`);
    router.refresh();
  };

  return (
    <button
      type="button"
      className={styles.star}
      aria-pressed={favorite}
      aria-label={`Favorite ${label}`}
      title={favorite ? "Remove from favorites" : "Add to favorites"}
      data-testid="favorite-star"
      onClick={() => void toggle()}
    >
      <span aria-hidden="true">{favorite ? "★" : "☆"}</span>
    </button>
  );
}

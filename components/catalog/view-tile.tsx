"use client";
import Link from "next/link";
import type { CatalogView } from "@/lib/catalog";
import { FavoriteStar } from "@/components/favorite-star";
import styles from "./catalog.module.css";

/** One view as a tile: thumbnail, name, kind; with its star when the user's favorites are known. */
export function ViewTile({
  view,
  meta,
  favorite,
}: {
  view: CatalogView;
  meta: string;
  /** Whether the view is a favorite; undefined when favorites could not be read (no star then). */
  favorite: boolean | undefined;
}) {
  return (
    <li className={styles.item}>
      <Link href={view.path} className={styles.tile} data-testid="catalog-view">
        {/* A plain img: next/image would fetch the thumbnail server-side without the user's session. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          className={styles.thumb}
          src={view.thumbnailUrl}
          alt=""
          loading="lazy"
          width={320}
          height={200}
        />
        <span className={styles.tileText}>
          <span className={styles.tileName}>{view.name}</span>
          <span className={styles.tileMeta}>{meta}</span>
        </span>
      </Link>
      {favorite === undefined ? null : (
        <span className={styles.starSlot}>
          <FavoriteStar viewId={view.id} label={view.name} initial={favorite} />
        </span>
      )}
    </li>
  );
}

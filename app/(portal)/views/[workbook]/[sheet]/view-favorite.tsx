import { FavoriteStar } from "@/components/favorite-star";
import { getFavoriteViewIds } from "@/lib/favorites";

/**
 * The view page's star, streamed in its own Suspense boundary so the favorites lookup never holds up the viz;
 * when Tableau cannot say whether the view is a favorite, no star is shown rather than a wrong one.
 */
export async function ViewFavorite({
  email,
  viewId,
  label,
}: {
  email: string;
  viewId: string;
  label: string;
}) {
  const ids = await getFavoriteViewIds(email).catch(() => null);
  if (!ids) return null;
  return <FavoriteStar viewId={viewId} label={label} initial={ids.has(viewId)} />;
}

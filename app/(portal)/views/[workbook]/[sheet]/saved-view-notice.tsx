import type { SavedViewLookup } from "@/lib/saved-views";

/** Why a saved view's link shows the view itself instead: not available to this person, or Tableau failed. */
export function SavedViewNotice({
  lookup,
  viewName,
}: {
  lookup: Exclude<SavedViewLookup, { kind: "found" | "elsewhere" }>;
  viewName: string;
}) {
  return (
    <div role="alert" className="alert alert-warning" data-testid="saved-view-notice">
      {lookup.kind === "unavailable" ? (
        <p>
          <strong>This saved view is not available to you.</strong> It may have been deleted, or its owner has
          not shared it. Below is {viewName} as it is for everyone; ask the person who sent the link to share
          their saved view.
        </p>
      ) : (
        <p>
          <strong>The saved view could not be loaded.</strong> {lookup.message} Below is {viewName} without
          it.
        </p>
      )}
    </div>
  );
}

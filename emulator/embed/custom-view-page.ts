/**
 * Which custom view a view page opens, as Tableau decides: the one a custom view URL names
 * (`…/{sheet}/{customViewId}/{urlName}`), else the user's default custom view of the view, else none. The
 * custom view's filters and parameters come first; the URL's own `field=value` entries still win, so a
 * portal's `<viz-filter>` children apply on top of it.
 */
import { canSeeCustomView, defaultCustomView, type StoredCustomView } from "../core/custom-views";
import type { EmulatorContext } from "../core/context";
import type { SiteUser, SiteView } from "../core/site";
import { pageCustomView, type PageCustomView } from "./custom-view-info";

export type CustomViewChoice =
  | { kind: "none"; query: URLSearchParams }
  | { kind: "custom"; query: URLSearchParams; customView: PageCustomView }
  | { kind: "missing" };

function withCustomView(cv: StoredCustomView, query: URLSearchParams): URLSearchParams {
  const merged = new URLSearchParams();
  for (const [field, values] of Object.entries(cv.filters))
    if (values.length) merged.set(field, values.join(","));
  for (const [name, value] of Object.entries(cv.parameters)) merged.set(name, String(value));
  const given = new Set([...query.keys()].map((k) => k.toLowerCase()));
  for (const key of [...merged.keys()]) if (given.has(key.toLowerCase())) merged.delete(key);
  for (const [k, v] of query) merged.append(k, v);
  return merged;
}

export function chooseCustomView(
  ctx: EmulatorContext,
  user: SiteUser,
  view: SiteView,
  customViewId: string | undefined,
  query: URLSearchParams,
): CustomViewChoice {
  let cv: StoredCustomView | null;
  if (customViewId !== undefined) {
    const named = ctx.state.customViews.byId.get(customViewId);
    if (!named || named.viewId !== view.id || !canSeeCustomView(ctx, user, named)) return { kind: "missing" };
    cv = named;
  } else {
    cv = defaultCustomView(ctx, user, view.id);
  }
  if (!cv) return { kind: "none", query };
  return { kind: "custom", query: withCustomView(cv, query), customView: pageCustomView(ctx, user, cv) };
}

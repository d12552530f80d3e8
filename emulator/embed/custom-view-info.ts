/** A custom view as the view page and `<tableau-viz>` see it: the Embedding API's CustomView fields and its state. */
import { customViewUrlName, isDefaultFor, type StoredCustomView } from "../core/custom-views";
import type { EmulatorContext } from "../core/context";
import { findViewById } from "../core/lookup";
import type { ParameterValue } from "../core/parameters";
import type { SiteUser } from "../core/site";
import { siteIndex } from "../core/site-index";

export interface PageCustomView {
  id: string;
  name: string;
  shared: boolean;
  default: boolean;
  ownerName: string;
  /** Whether the signed-in user owns it (only the owner may remove or change it). */
  mine: boolean;
  url: string;
  sheetUrl: string;
  filters: Record<string, string[]>;
  parameters: Record<string, ParameterValue>;
}

/** `{server}/t/{site}/views/{workbook}/{sheet}/{customViewId}/{urlName}`: Tableau's custom view URL form. */
export function customViewUrl(ctx: EmulatorContext, cv: StoredCustomView): string {
  const found = findViewById(ctx, cv.viewId);
  const site = ctx.site.site.contentUrl;
  const sitePart = site ? `/t/${encodeURIComponent(site)}` : "";
  const path = found
    ? `/views/${encodeURIComponent(found.workbook.contentUrl)}/${encodeURIComponent(found.view.sheetUrl)}`
    : "/views";
  return `${new URL(ctx.config.publicUrl).origin}${sitePart}${path}/${cv.id}/${customViewUrlName(cv.name)}`;
}

export function pageCustomView(ctx: EmulatorContext, user: SiteUser, cv: StoredCustomView): PageCustomView {
  const owner = siteIndex(ctx.site).usersById.get(cv.ownerId);
  return {
    id: cv.id,
    name: cv.name,
    shared: cv.shared,
    default: isDefaultFor(ctx, user, cv),
    ownerName: owner?.name ?? "",
    mine: cv.ownerId === user.id,
    url: customViewUrl(ctx, cv),
    sheetUrl: findViewById(ctx, cv.viewId)?.view.sheetUrl ?? "",
    filters: cv.filters,
    parameters: cv.parameters,
  };
}

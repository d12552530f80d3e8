/** View images and thumbnails as bytes + content type, for a server proxy to pass on. */
import { getBytes, type RestContext } from "./context";
import type { ImageBytes } from "./types";

export interface ViewImageOptions {
  resolution?: "high";
  /** Minutes Tableau may serve a cached render. */
  maxAgeMinutes?: number;
  /** `vf_<field>=value` filters. */
  filters?: Readonly<Record<string, string>>;
}

export function getViewImage(
  ctx: RestContext,
  username: string,
  viewId: string,
  opts: ViewImageOptions = {},
): Promise<ImageBytes> {
  const query: Record<string, string | number | undefined> = {
    resolution: opts.resolution,
    maxAge: opts.maxAgeMinutes,
  };
  for (const [field, value] of Object.entries(opts.filters ?? {})) query[`vf_${field}`] = value;
  return getBytes(ctx, username, `/views/${encodeURIComponent(viewId)}/image`, query);
}

export function getViewPreviewImage(
  ctx: RestContext,
  username: string,
  workbookId: string,
  viewId: string,
): Promise<ImageBytes> {
  const path = `/workbooks/${encodeURIComponent(workbookId)}/views/${encodeURIComponent(viewId)}/previewImage`;
  return getBytes(ctx, username, path, {});
}

export function getWorkbookPreviewImage(
  ctx: RestContext,
  username: string,
  workbookId: string,
): Promise<ImageBytes> {
  return getBytes(ctx, username, `/workbooks/${encodeURIComponent(workbookId)}/previewImage`, {});
}

/** `includeUsageStatistics=true`: a view's `usage.totalViewCount`, from the view page loads (core/usage.ts). */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest } from "../core/http";
import { viewLoadCount } from "../core/usage";
import { restErrors } from "./errors";

export function wantsUsage(req: EmuRequest): boolean {
  const raw = req.url.searchParams.get("includeUsageStatistics");
  if (raw === null || raw === "false") return false;
  if (raw === "true") return true;
  throw restErrors.badRequest(`includeUsageStatistics '${raw}' is not valid: use true or false.`);
}

export function withUsage(
  req: EmuRequest,
  ctx: EmulatorContext,
  viewId: string,
  wire: Record<string, unknown>,
): Record<string, unknown> {
  if (!wantsUsage(req)) return wire;
  return { ...wire, usage: { totalViewCount: String(viewLoadCount(ctx, viewId)) } };
}

/**
 * View usage: each view page load counts one view, as Tableau counts a view when someone opens it. REST reads
 * the counts back (`includeUsageStatistics=true`, the views' `hitsTotal` field). Reset clears them.
 */
import type { EmulatorContext } from "./context";

export function recordViewLoad(ctx: EmulatorContext, viewId: string): void {
  ctx.state.viewLoads.set(viewId, (ctx.state.viewLoads.get(viewId) ?? 0) + 1);
}

export function viewLoadCount(ctx: EmulatorContext, viewId: string): number {
  return ctx.state.viewLoads.get(viewId) ?? 0;
}

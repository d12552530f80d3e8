/**
 * `maxAge`: a download rendered for the same view, options, filters and viewer within the last `maxAge`
 * minutes (on the emulator's clock) is served again as it was, with an `Age` header saying how old it is.
 * Without `maxAge` every request renders afresh. The key holds the viewer's name and attribute claims, so one
 * user's row-level-secured rendering is never served to another.
 */
import type { EmulatorContext, JwtIdentity } from "../core/context";

/** Renderings kept at most, in bytes: the oldest go first (a workbook PDF at A3 is a few hundred kilobytes). */
const BUDGET_BYTES = 64 * 1024 * 1024;

export interface CacheKeyParts {
  kind: string;
  id: string;
  options: string;
  filters: Record<string, string[]>;
  identity: JwtIdentity;
}

export function cacheKey(parts: CacheKeyParts): string {
  const sorted = (o: Record<string, unknown>) =>
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]);
  return JSON.stringify([
    parts.kind,
    parts.id,
    parts.options,
    sorted(parts.filters),
    parts.identity.user.name,
    sorted(parts.identity.attributes),
  ]);
}

export function cachedRender(
  ctx: EmulatorContext,
  key: string,
  maxAgeMinutes: number | null,
  render: () => Buffer,
): { body: Buffer; ageSeconds: number | null } {
  if (maxAgeMinutes === null) return { body: render(), ageSeconds: null };
  const cache = ctx.state.renderCache;
  const now = ctx.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < maxAgeMinutes * 60_000)
    return { body: hit.body, ageSeconds: Math.floor((now - hit.at) / 1000) };
  const body = render();
  cache.delete(key);
  let bytes = body.length;
  for (const entry of cache.values()) bytes += entry.body.length;
  for (const [oldest, entry] of cache) {
    if (bytes <= BUDGET_BYTES) break;
    cache.delete(oldest);
    bytes -= entry.body.length;
  }
  if (body.length <= BUDGET_BYTES) cache.set(key, { at: now, body });
  return { body, ageSeconds: 0 };
}

/**
 * Which page origins may talk to the embedding surface: the union of the Connected Apps' allowlists. Disabled
 * apps count too, so that their pages can read the "app disabled" code instead of an opaque CORS failure.
 */
import type { EmulatorContext } from "../core/context";

export function embedOrigins(ctx: EmulatorContext): string[] {
  const list = ctx.site.connectedApps.flatMap((a) => a.domainAllowlist);
  return [...new Set([...list.map((o) => o.replace(/\/+$/, "")), new URL(ctx.config.publicUrl).origin])];
}

export function originAllowed(ctx: EmulatorContext, origin: string | undefined): origin is string {
  if (!origin) return false;
  const list = embedOrigins(ctx);
  return list.includes("*") || list.includes(origin);
}

/** CORS headers for a credentialed request from an allowed origin; none at all for any other origin. */
export function corsHeaders(ctx: EmulatorContext, origin: string | undefined): Record<string, string> {
  const base = { vary: "Origin" };
  if (!originAllowed(ctx, origin)) return base;
  return { ...base, "access-control-allow-origin": origin, "access-control-allow-credentials": "true" };
}

/** The first value of a header that Node may give as a string or an array. */
export function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The requesting page's origin: the `Origin` header, else the origin of `Referer` (a top-level or iframe GET
 * navigation carries no Origin). `null` when neither is there.
 */
export function requestOrigin(headers: {
  origin?: string | string[];
  referer?: string | string[];
}): string | null {
  const origin = header(headers.origin);
  if (origin && origin !== "null") return origin;
  const referer = header(headers.referer);
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

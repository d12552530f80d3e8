/**
 * The emulator's HTTP contract: every route module (rest/, embed/, control/) is a set of pure handlers
 * registered on a {@link Router}. The server in `emulator/server.ts` parses the Node request into an
 * {@link EmuRequest}, finds the route, and writes the {@link EmuResponse}. Nothing here knows Tableau.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorContext } from "./context";

export interface EmuRequest {
  method: string;
  /** Full URL, with the emulator's own origin. */
  url: URL;
  /** `url.pathname`, decoded per segment by the router when it fills `params`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Raw body (already fully read, size-limited by the server). */
  body: Buffer;
  /** Named segments of the matched pattern, decoded. */
  params: Record<string, string>;
  cookies: Record<string, string>;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

export type Handler = (req: EmuRequest, ctx: EmulatorContext) => EmuResponse | Promise<EmuResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
  ignoreCase: boolean;
}

export interface RouteOptions {
  /** Fixed segments match whatever their case (`serverInfo` = `serverinfo`); parameters keep theirs. */
  ignoreCase?: boolean;
}

/**
 * A tiny path router. Patterns are `/api/:version/sites/:siteId/workbooks`; a segment `:name` matches one
 * path segment, a final `*rest` matches the remainder (possibly empty, joined with `/`).
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): this {
    this.routes.push({
      method: method.toUpperCase(),
      segments: pattern.split("/").filter(Boolean),
      handler,
      ignoreCase: options.ignoreCase ?? false,
    });
    return this;
  }

  /** Returns the handler and params, or `{ allowed }` listing methods that match the path (for 405). */
  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | { handler: null; allowed: string[] } {
    const parts = path.split("/").filter(Boolean);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts, route.ignoreCase);
      if (!params) continue;
      if (
        route.method === method.toUpperCase() ||
        (method.toUpperCase() === "HEAD" && route.method === "GET")
      ) {
        return { handler: route.handler, params };
      }
      allowed.push(route.method);
    }
    return { handler: null, allowed };
  }
}

function matchSegments(
  pattern: string[],
  parts: string[],
  ignoreCase: boolean,
): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i]!;
    if (seg.startsWith("*")) {
      params[seg.slice(1)] = parts.slice(i).map(safeDecode).join("/");
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.startsWith(":")) params[seg.slice(1)] = safeDecode(part);
    else if (ignoreCase ? seg.toLowerCase() !== part.toLowerCase() : seg !== part) return null;
  }
  return parts.length === pattern.length ? params : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function json(
  status: number,
  data: unknown,
  headers: Record<string, string | string[]> = {},
): EmuResponse {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(data),
  };
}

export function html(
  status: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): EmuResponse {
  return { status, headers: { "content-type": "text/html; charset=utf-8", ...headers }, body };
}

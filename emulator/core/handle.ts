/**
 * The request pipeline: count → faults → body → route → answer. Every failure becomes a Tableau-shaped
 * error; a handler exception is a 500 with no detail from the exception (no stack ever leaves).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { restErrors } from "../rest/errors";
import { BodyTooLargeError, MAX_BODY_BYTES, parseCookies, readBody } from "./body";
import type { EmulatorContext } from "./context";
import { pickFault, sleep } from "./faults";
import type { EmuRequest, EmuResponse, Router } from "./http";
import { loggablePath, statsPrefix } from "./log";

export interface HandlerOptions {
  quiet: boolean;
  log: (line: string) => void;
}

export function createRequestHandler(ctx: EmulatorContext, router: Router, opts: HandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = parseRequestUrl(req.url, ctx.config.publicUrl);
    if (!url) {
      write(
        res,
        method,
        ctx.now(),
        restErrors.badRequest("The request target is not a valid path.").toResponse({ headers: req.headers }),
      );
      return;
    }
    const path = url.pathname;
    const finish = (status: number) => {
      if (!opts.quiet)
        opts.log(`${method} ${loggablePath(url)} ${status} ${(performance.now() - started).toFixed(1)}ms`);
    };
    count(ctx, path);
    const headerView = { headers: req.headers };

    const fault = pickFault(ctx, { method, url });
    if (fault) {
      if (fault.latencyMs) await sleep(fault.latencyMs);
      if (fault.down) {
        ctx.state.faultedCount++;
        req.socket.destroy();
        finish(0);
        return;
      }
      if (fault.status) {
        ctx.state.faultedCount++;
        write(res, method, ctx.now(), restErrors.injected(fault.status).toResponse(headerView));
        finish(fault.status);
        return;
      }
    }

    let response: EmuResponse;
    try {
      const body = await readBody(req, MAX_BODY_BYTES);
      const found = router.match(method, path);
      if (!found.handler) {
        response = found.allowed.length
          ? restErrors
              .methodNotAllowed(method, found.allowed)
              .toResponse(headerView, { allow: found.allowed.join(", ") })
          : restErrors.notFound(path).toResponse(headerView);
      } else {
        const emuReq: EmuRequest = {
          method,
          url,
          path,
          headers: req.headers,
          body,
          params: found.params,
          cookies: parseCookies(req.headers.cookie),
        };
        response = await found.handler(emuReq, ctx);
      }
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        response = restErrors.payloadTooLarge(MAX_BODY_BYTES).toResponse(headerView, { connection: "close" });
      } else {
        if (!opts.quiet) opts.log(`error handling ${method} ${url.pathname}: ${(err as Error).name}`);
        response = restErrors.internal().toResponse(headerView);
      }
    }
    write(res, method, ctx.now(), response);
    finish(response.status);
  };
}

/** Origin-form targets only: "//host/x" stays a path on this server instead of naming another host. */
function parseRequestUrl(target: string | undefined, base: string): URL | null {
  if (!target?.startsWith("/")) return null;
  try {
    return new URL(base + target);
  } catch {
    return null;
  }
}

function count(ctx: EmulatorContext, path: string): void {
  ctx.state.requestCount++;
  const prefix = statsPrefix(path);
  ctx.state.requestsByPrefix[prefix] = (ctx.state.requestsByPrefix[prefix] ?? 0) + 1;
}

// `nowMs` is the emulator's clock (shifted by the control API), so the `Date` header tells clients the time the
// emulator judges tokens by, as a real server's `Date` does: the doctor's clock check reads it.
function write(res: ServerResponse, method: string, nowMs: number, r: EmuResponse): void {
  if (res.headersSent || res.destroyed) return;
  const body = r.body === undefined ? undefined : typeof r.body === "string" ? Buffer.from(r.body) : r.body;
  const headers: Record<string, string | string[]> = {
    date: new Date(nowMs).toUTCString(),
    ...(r.headers ?? {}),
  };
  if (body && r.status !== 204 && r.status !== 304) headers["content-length"] = String(body.length);
  res.writeHead(r.status, headers);
  res.end(method === "HEAD" || r.status === 204 || r.status === 304 ? undefined : body);
}

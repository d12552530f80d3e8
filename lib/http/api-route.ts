/**
 * Wraps a route handler: gives the request an id (the caller's `x-request-id` if well formed, else a fresh one),
 * runs the handler with it (as an argument, and through currentRequestId() for code it calls), and echoes it on
 * the response. Route handlers are left out of proxy.ts: they need neither its page CSP nor its login redirect,
 * and its work would sit on every API call's path. Their static security headers come from next.config.ts,
 * which applies them to every /api response, even a 404.
 */
import "server-only";
import { requestIdFrom } from "./security-headers";
import { requestIds } from "./request-id";

export function apiRoute<R extends Request, C = unknown>(
  handler: (request: R, context: C, requestId: string) => Response | Promise<Response>,
): (request: R, context: C) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdFrom(request.headers.get("x-request-id"));
    const response = await requestIds().run(requestId, () => handler(request, context, requestId));
    return withHeader(response, "x-request-id", requestId);
  };
}

/** Sets a header, copying the response first when its headers are immutable (Response.redirect, fetch). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

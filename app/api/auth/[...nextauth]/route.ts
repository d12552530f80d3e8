/**
 * Auth.js's endpoints. POSTs are read with a size limit first (the forms they take are a few hundred bytes),
 * and a direct post of credentials to the callback endpoint is rate limited like the login form: 429 with
 * Retry-After. The login page itself goes through its server action (app/(auth)/login/actions.ts).
 */
import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { apiRoute } from "@/lib/http/api-route";
import { BodyTooLargeError, readBodyLimited } from "@/lib/http/body-limit";
import { jsonError } from "@/lib/http/json-error";
import { logEvent } from "@/lib/log";
import { clientAddress, takeSignInAttempt } from "@/lib/rate-limit/limits";
import { describeWait, retryAfterSeconds } from "@/lib/rate-limit/sliding-window";

const MAX_BODY_BYTES = 16 * 1024;

export const GET = apiRoute((request: NextRequest) => handlers.GET(request));

export const POST = apiRoute(async (request: NextRequest, _context: unknown, requestId: string) => {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyLimited(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, error.code, error.message);
    return jsonError(400, "BAD_BODY", "The request body could not be read.");
  }

  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const email = new URLSearchParams(new TextDecoder().decode(body)).get("email") ?? "";
    const limit = takeSignInAttempt(email, clientAddress(request.headers));
    if (!limit.allowed) {
      logEvent("auth.signin", {
        requestId,
        user: email.slice(0, 254),
        outcome: "refused",
        reason: "rate_limited",
      });
      return jsonError(
        429,
        "RATE_LIMITED",
        `Too many sign-in attempts. Try again in ${describeWait(limit.retryAfterMs)}.`,
        { "Retry-After": retryAfterSeconds(limit.retryAfterMs) },
      );
    }
  }

  // The id goes on to authorize() (auth.ts), which logs the outcome.
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const copy = new NextRequest(request.url, {
    method: "POST",
    headers,
    body: body.byteLength > 0 ? body : undefined,
  });
  return handlers.POST(copy);
});

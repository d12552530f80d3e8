/**
 * Auth.js's endpoints. POSTs are read with a size limit first (the forms they take are a few hundred bytes),
 * and a direct post of credentials to the callback endpoint is rate limited like the login form: 429 with
 * Retry-After. The login page itself goes through its server action (app/(auth)/login/actions.ts).
 */
import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { BodyTooLargeError, readBodyLimited } from "@/lib/http/body-limit";
import { jsonError } from "@/lib/http/json-error";
import { logEvent } from "@/lib/log";
import { clientAddress, takeSignInAttempt } from "@/lib/rate-limit/limits";
import { describeWait, retryAfterSeconds } from "@/lib/rate-limit/sliding-window";

const MAX_BODY_BYTES = 16 * 1024;

export const { GET } = handlers;

export async function POST(request: NextRequest): Promise<Response> {
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
      const requestId = request.headers.get("x-request-id") ?? undefined;
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

  const copy = new NextRequest(request.url, {
    method: "POST",
    headers: request.headers,
    body: body.byteLength > 0 ? body : undefined,
  });
  return handlers.POST(copy);
}

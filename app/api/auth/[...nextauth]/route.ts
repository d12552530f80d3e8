/**
 * Auth.js's endpoints. POSTs are read with a size limit first (the forms they take are a few hundred bytes).
 * The sign-in limits are enforced in `authorize` (auth.ts); when one refuses a direct post of credentials,
 * Auth.js would answer with a redirect to the login page, so this answers 429 with Retry-After instead, and
 * 503 when the limits cannot be checked (the shared store is down).
 * A failed single sign-on (the provider's callback, or a sign-in started here) is sent to the SSO error page
 * with its precise reason, read from the error Auth.js logged (lib/auth/sso/error-redirect.ts).
 */
import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { SIGN_IN_UNAVAILABLE_MESSAGE, signInRefusals, type RefusalSlot } from "@/lib/auth/sign-in-refusal";
import { withSsoErrorReason } from "@/lib/auth/sso/error-redirect";
import { apiRoute } from "@/lib/http/api-route";
import { BodyTooLargeError, readBodyLimited } from "@/lib/http/body-limit";
import { jsonError } from "@/lib/http/json-error";
import { describeWait, retryAfterSeconds } from "@/lib/rate-limit/sliding-window";

const MAX_BODY_BYTES = 16 * 1024;

export const GET = apiRoute(async (request: NextRequest) => {
  const slot: RefusalSlot = {};
  const response = await signInRefusals().run(slot, () => handlers.GET(request));
  return withSsoErrorReason(response, slot.authError, request);
});

export const POST = apiRoute(async (request: NextRequest, _context: unknown, requestId: string) => {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyLimited(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, error.code, error.message);
    return jsonError(400, "BAD_BODY", "The request body could not be read.");
  }

  // The id goes on to authorize() (auth.ts), which logs the outcome.
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const copy = new NextRequest(request.url, {
    method: "POST",
    headers,
    body: body.byteLength > 0 ? body : undefined,
  });
  const slot: RefusalSlot = {};
  const response = await signInRefusals().run(slot, () => handlers.POST(copy));
  if (slot.unavailable) {
    return jsonError(503, "SIGNIN_UNAVAILABLE", SIGN_IN_UNAVAILABLE_MESSAGE, { "Retry-After": "30" });
  }
  if (slot.retryAfterMs !== undefined) {
    return jsonError(
      429,
      "RATE_LIMITED",
      `Too many sign-in attempts. Try again in ${describeWait(slot.retryAfterMs)}.`,
      { "Retry-After": retryAfterSeconds(slot.retryAfterMs) },
    );
  }
  return withSsoErrorReason(response, slot.authError, request);
});

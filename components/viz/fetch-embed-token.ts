/**
 * Asks the portal's token route for a fresh embed token. Called on every mount but a first one that the page's
 * server render already gave a token: a token is spent when the viz loads, so one is never reused. The answer
 * is checked by hand rather than with zod to keep zod out of the view page's client bundle (first-load JS
 * budget); the shape is two fields.
 */
export type EmbedTokenResult =
  { ok: true; token: string } | { ok: false; status: number; message: string; retryAfterSeconds?: number };

export function fetchEmbedToken(signal?: AbortSignal): Promise<EmbedTokenResult> {
  return readTokenResponse(
    fetch("/api/tableau/token", {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { accept: "application/json" },
      signal,
    }),
  );
}

async function readTokenResponse(pending: Promise<Response>): Promise<EmbedTokenResult> {
  let response: Response;
  try {
    response = await pending;
  } catch {
    return { ok: false, status: 0, message: "The portal could not be reached." };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && isRecord(body) && typeof body.token === "string" && body.token !== "") {
    return { ok: true, token: body.token };
  }
  const retryAfter = Number(response.headers.get("retry-after") ?? "");
  return {
    ok: false,
    status: response.ok ? 502 : response.status,
    message: errorMessage(body),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: Math.ceil(retryAfter) } : {}),
  };
}

function errorMessage(body: unknown): string {
  if (isRecord(body)) {
    const error = body.error;
    if (isRecord(error) && typeof error.message === "string") return error.message;
    if (typeof error === "string") return error;
    if (typeof body.message === "string") return body.message;
  }
  return "The token route gave no usable answer.";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

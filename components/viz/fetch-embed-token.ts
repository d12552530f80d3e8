/**
 * Asks the portal's token route for a fresh embed token. Called on every mount: a token is spent when the viz
 * loads, so one is never reused. The answer is checked by hand rather than with zod to keep zod out of the view
 * page's client bundle (first-load JS budget); the shape is two fields.
 */
export type EmbedTokenResult = { ok: true; token: string } | { ok: false; status: number; message: string };

export async function fetchEmbedToken(signal?: AbortSignal): Promise<EmbedTokenResult> {
  let response: Response;
  try {
    response = await fetch("/api/tableau/token", {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { accept: "application/json" },
      signal,
    });
  } catch {
    return { ok: false, status: 0, message: "The portal could not be reached." };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && isRecord(body) && typeof body.token === "string" && body.token !== "") {
    return { ok: true, token: body.token };
  }
  return { ok: false, status: response.ok ? 502 : response.status, message: errorMessage(body) };
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

/**
 * The route handlers' JSON answers. A route handler's body is streamed without a length, so Next.js would
 * gzip even a 20-byte answer (the compression threshold needs a length), spending CPU to save nothing. Answers
 * under 1 kB say `no-transform`, which the compression (and any proxy's) honours; larger ones are compressed.
 */
const COMPRESSION_THRESHOLD_BYTES = 1024;

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  if (Buffer.byteLength(text) < COMPRESSION_THRESHOLD_BYTES) {
    const cacheControl = headers.get("Cache-Control");
    if (!cacheControl?.includes("no-transform")) {
      headers.set("Cache-Control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
    }
  }
  return new Response(text, { ...init, headers });
}

/** The one error shape every portal route handler answers with: `{ error: { code, message } }`, never cached. */
export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  merged.set("Cache-Control", "no-store");
  return jsonResponse({ error: { code, message } }, { status, headers: merged });
}

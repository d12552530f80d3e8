/** The one error shape every portal route handler answers with: `{ error: { code, message } }`, never cached. */
export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  merged.set("Cache-Control", "no-store");
  return Response.json({ error: { code, message } }, { status, headers: merged });
}

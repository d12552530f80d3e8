/**
 * Reads a request body up to a byte limit, so a route handler never buffers a large upload: a declared
 * Content-Length over the limit is refused before reading, and a chunked body is cut off as soon as it passes.
 */
export class BodyTooLargeError extends Error {
  readonly code = "BODY_TOO_LARGE";
  override readonly name = "BodyTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes.`);
  }
}

/** The body's bytes, or BodyTooLargeError. An absent body is an empty array. */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  // Declared empty: nothing to read (Next.js still hands over a stream, which costs more than the rest).
  if (request.headers.get("content-length") === "0") return new Uint8Array(0);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

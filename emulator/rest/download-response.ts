/** The response of a download: its bytes and type, never cached by the client, aged when it came from `maxAge`. */
import type { EmuResponse } from "../core/http";

export function download(
  type: string,
  rendered: { body: Buffer; ageSeconds: number | null },
  filename?: string,
): EmuResponse {
  return {
    status: 200,
    headers: {
      "content-type": type,
      "cache-control": "private, max-age=0",
      ...(rendered.ageSeconds === null ? {} : { age: String(rendered.ageSeconds) }),
      ...(filename ? { "content-disposition": `attachment; filename="${safeName(filename)}"` } : {}),
    },
    body: rendered.body,
  };
}

/** A file name for the header: names come from site data, so anything but letters, digits, `.`, `_`, `-` goes. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** Content negotiation: Tableau answers JSON when the client accepts JSON, XML otherwise (its default). */
import type { EmuRequest, EmuResponse } from "../core/http";
import { toTsResponseXml } from "./xml";

export type WireFormat = "json" | "xml";

export function wantedFormat(req: Pick<EmuRequest, "headers">): WireFormat {
  const accept = req.headers.accept ?? "";
  return /application\/json|\+json/i.test(accept) ? "json" : "xml";
}

export function respond(
  req: Pick<EmuRequest, "headers">,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): EmuResponse {
  if (wantedFormat(req) === "json")
    return {
      status,
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
      body: JSON.stringify(body),
    };
  return {
    status,
    headers: { "content-type": "application/xml; charset=utf-8", ...headers },
    body: toTsResponseXml(body),
  };
}

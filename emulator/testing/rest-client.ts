/** Small helpers for tests that talk to a running emulator over real HTTP. */
import { mintToken, type MintOptions } from "./mint";
import { readXmlTags } from "../rest/xml";
import { credentialsSchema } from "./wire";

export const API = "/api/3.28";

export interface Signed {
  token: string;
  siteId: string;
  userId: string;
}

export async function getJson(url: string, token?: string, init: RequestInit = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { accept: "application/json", ...(token ? { "x-tableau-auth": token } : {}), ...init.headers },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, headers: res.headers };
}

export async function signIn(base: string, mint: MintOptions = {}, site = "vizport-demo"): Promise<Signed> {
  const jwt = await mintToken(mint);
  const res = await getJson(`${base}${API}/auth/signin`, undefined, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ credentials: { jwt, site: { contentUrl: site } } }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  const c = credentialsSchema.parse(res.body).credentials;
  return { token: c.token, siteId: c.site.id, userId: c.user.id };
}

/** The same call in XML (no `Accept`, Tableau's default), with its start tags read for assertions. */
export async function getXml(url: string, token?: string) {
  const res = await fetch(url, { headers: token ? { "x-tableau-auth": token } : {} });
  const text = await res.text();
  return { status: res.status, text, tags: readXmlTags(text), type: res.headers.get("content-type") };
}

/** The `code` of a Tableau XML error body, or undefined. */
export function xmlErrorCode(tags: ReadonlyArray<{ name: string; attributes: Record<string, string> }>) {
  return tags.find((t) => t.name === "error")?.attributes.code;
}

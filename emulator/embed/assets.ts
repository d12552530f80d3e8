/**
 * The browser modules under `emulator/public/`, read once and served as they are (plain ES modules, no build
 * step). The Embedding API entry lives at Tableau's path; the modules it imports sit beside it, so relative
 * imports resolve on any host that loads the script from the emulator.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

export interface Asset {
  body: string;
  etag: string;
}

export const VIZ_SCRIPT_PATH = "/javascripts/api/tableau.embedding.3.latest.min.js";
export const VIEW_PAGE_MODULES = "/javascripts/emulator/view-page";

const PUBLIC = new URL("../public/", import.meta.url);

function load(relative: string): Asset {
  const body = readFileSync(new URL(relative, PUBLIC), "utf8");
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 20)}"` };
}

function folder(urlPrefix: string, dir: string): [string, Asset][] {
  return readdirSync(new URL(`${dir}/`, PUBLIC))
    .filter((name) => name.endsWith(".js"))
    .map((name) => [`${urlPrefix}/${name}`, load(`${dir}/${name}`)]);
}

let cache: Map<string, Asset> | null = null;

/** URL path → module. Only these paths are served: nothing else under `public/` is reachable. */
export function assets(): Map<string, Asset> {
  if (cache) return cache;
  const entry = load("tableau-embedding.js");
  cache = new Map([
    [VIZ_SCRIPT_PATH, entry],
    ["/javascripts/api/tableau.embedding.3.latest.js", entry],
    ...folder("/javascripts/api/embedding", "embedding"),
    ...folder(VIEW_PAGE_MODULES, "view-page"),
  ]);
  return cache;
}

export function viewPageModuleNames(): string[] {
  return [...assets().keys()].filter((p) => p.startsWith(`${VIEW_PAGE_MODULES}/`));
}

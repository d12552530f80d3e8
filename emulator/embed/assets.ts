/**
 * The browser modules under `emulator/public/`, read once. The Embedding API is served as Tableau serves it:
 * one file at Tableau's path (`….min.js` minified), bundled from `public/tableau-embedding.js` and its parts in
 * `public/embedding/` with esbuild when first asked for. A module graph would make the page fetch each level of
 * imports in turn, each waiting for a busy main thread: on a view page that is hydrating, 3 levels cost
 * ~200 ms that a real Tableau server's single file does not. The view page's own modules are served as they are.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

export interface Asset {
  body: string;
  etag: string;
}

export const VIZ_SCRIPT_PATH = "/javascripts/api/tableau.embedding.3.latest.min.js";
export const VIEW_PAGE_MODULES = "/javascripts/emulator/view-page";

const PUBLIC = new URL("../public/", import.meta.url);

function asset(body: string): Asset {
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 20)}"` };
}

function load(relative: string): Asset {
  return asset(readFileSync(new URL(relative, PUBLIC), "utf8"));
}

function bundle(relative: string, minify: boolean): Asset {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL(relative, PUBLIC))],
    bundle: true,
    format: "esm",
    target: "es2020",
    minify,
    write: false,
    legalComments: "inline",
  });
  return asset(result.outputFiles[0]!.text);
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
  cache = new Map([
    [VIZ_SCRIPT_PATH, bundle("tableau-embedding.js", true)],
    ["/javascripts/api/tableau.embedding.3.latest.js", bundle("tableau-embedding.js", false)],
    ...folder(VIEW_PAGE_MODULES, "view-page"),
  ]);
  return cache;
}

export function viewPageModuleNames(): string[] {
  return [...assets().keys()].filter((p) => p.startsWith(`${VIEW_PAGE_MODULES}/`));
}

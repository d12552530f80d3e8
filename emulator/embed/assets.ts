/**
 * The browser scripts under `emulator/public/`, read once at start-up. They are plain ES modules with no build
 * step, so what is in the repository is exactly what a browser runs.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export interface Asset {
  body: string;
  etag: string;
}

function load(name: string): Asset {
  const body = readFileSync(new URL(`../public/${name}`, import.meta.url), "utf8");
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 20)}"` };
}

let cache: { viz: Asset; viewPage: Asset } | null = null;

export function assets(): { viz: Asset; viewPage: Asset } {
  cache ??= { viz: load("tableau-embedding.js"), viewPage: load("view-page.js") };
  return cache;
}

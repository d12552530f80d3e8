/**
 * First-load JavaScript of an App Router page, read from the Next build's own manifests: the root main files
 * (build-manifest.json) plus the entry chunks of the page and its layouts (the page's client reference
 * manifest). Each file is gzipped and the sizes summed. Chunks loaded later by a dynamic import() are not
 * first-load and are not counted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export interface FirstLoadJs {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
}

interface ReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

/** `route` is the app path with its groups, e.g. `/(portal)/views/[workbook]/[sheet]`. */
export function firstLoadJs(distDir: string, route: string): FirstLoadJs {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  const manifestFile = join(
    distDir,
    "server",
    "app",
    ...route.split("/").filter(Boolean),
    "page_client-reference-manifest.js",
  );
  const sandbox: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
  sandbox.globalThis = sandbox.self;
  runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  const manifests = (sandbox.self.__RSC_MANIFEST ?? {}) as Record<string, ReferenceManifest>;
  const manifest = manifests[`${route}/page`];
  if (!manifest?.entryJSFiles)
    throw new Error(`no client reference manifest for ${route}/page in ${manifestFile}`);

  // The page's entry and those of the layouts above it (not sibling error/not-found boundaries).
  const segments = route.split("/").filter(Boolean);
  const layouts = ["[project]/app/layout"];
  for (let i = 1; i <= segments.length; i += 1)
    layouts.push(`[project]/app/${segments.slice(0, i).join("/")}/layout`);
  const entries = [...layouts, `[project]/app/${segments.join("/")}/page`];
  const files = new Set(build.rootMainFiles ?? []);
  for (const entry of entries) for (const file of manifest.entryJSFiles[entry] ?? []) files.add(file);

  const sized = [...files].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(distDir, file))).length,
  }));
  return { files: sized, gzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

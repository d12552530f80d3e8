/**
 * What a mount of the viz starts from: the early script's viz (first mount of a direct load), or the library
 * and a fresh token, or the error that stops it. The library and the token do not depend on each other, so
 * both are fetched at once.
 */
import type { EmbedErrorMessage } from "@/lib/tableau/embed";
import { awaitEarlyViz, type EarlyViz } from "./early-viz";
import { takeEmbedToken } from "./fetch-embed-token";
import { loadEmbeddingApi, type EmbedLibrary } from "./load-embedding-api";
import { describeTokenFailure, libraryLoadFailure } from "./token-errors";
import { EARLY_HOST_TAKEN_ATTR } from "./token-prefetch-script";

export type MountStart =
  | { kind: "early"; early: EarlyViz }
  | { kind: "token"; token: string }
  | { kind: "error"; message: EmbedErrorMessage; action?: { href: string; label: string } }
  | { kind: "aborted" };

export async function startMount(opts: {
  first: boolean;
  library: EmbedLibrary;
  server: string;
  earlyHost: () => HTMLElement | null;
  signal: AbortSignal;
}): Promise<MountStart> {
  const library = loadEmbeddingApi(opts.library, opts.server).then(
    () => true,
    () => false,
  );
  if (opts.first) {
    const early = await awaitEarlyViz(opts.earlyHost);
    if (opts.signal.aborted) return { kind: "aborted" };
    if (early) return { kind: "early", early };
  }
  opts.earlyHost()?.setAttribute(EARLY_HOST_TAKEN_ATTR, "");
  const [loaded, result] = await Promise.all([library, takeEmbedToken(opts.signal)]);
  if (opts.signal.aborted) return { kind: "aborted" };
  if (!loaded) {
    return { kind: "error", message: libraryLoadFailure(opts.server, opts.library === "bundled") };
  }
  if (!result.ok) {
    const action = result.status === 401 ? { href: "/login", label: "Sign in" } : undefined;
    return {
      kind: "error",
      message: describeTokenFailure(result.status, result.message, result.retryAfterSeconds),
      action,
    };
  }
  return { kind: "token", token: result.token };
}

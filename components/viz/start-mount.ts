/**
 * What a mount of the viz starts from: the library and a token, or the error that stops it. The token is the
 * one the page's server render minted, for the first mount, else a fresh one from the token route; the library
 * and the token do not depend on each other, so both are fetched at once.
 */
import type { EmbedErrorMessage } from "@/lib/tableau/embed";
import { fetchEmbedToken, type EmbedTokenResult } from "./fetch-embed-token";
import { loadEmbeddingApi, type EmbedLibrary } from "./load-embedding-api";
import { explainLibraryFailure, explainTokenFailure } from "./explain-failure";

export type MountStart =
  | { kind: "token"; token: string }
  | { kind: "error"; message: EmbedErrorMessage; action?: { href: string; label: string } }
  | { kind: "aborted" };

export async function startMount(opts: {
  library: EmbedLibrary;
  server: string;
  signal: AbortSignal;
  pageToken?: string;
}): Promise<MountStart> {
  const library = loadEmbeddingApi(opts.library, opts.server).then(
    () => true,
    () => false,
  );
  const token: Promise<EmbedTokenResult> = opts.pageToken
    ? Promise.resolve({ ok: true, token: opts.pageToken })
    : fetchEmbedToken(opts.signal);
  const [loaded, result] = await Promise.all([library, token]);
  if (opts.signal.aborted) return { kind: "aborted" };
  if (!loaded) {
    return { kind: "error", message: await explainLibraryFailure(opts.server, opts.library === "bundled") };
  }
  if (!result.ok) {
    const action = result.status === 401 ? { href: "/login", label: "Sign in" } : undefined;
    return {
      kind: "error",
      message: await explainTokenFailure(result.status, result.message, result.retryAfterSeconds),
      action,
    };
  }
  return { kind: "token", token: result.token };
}

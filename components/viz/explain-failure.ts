/**
 * Turns a failure into what the viz does next, loading the messages (failure-messages.ts) only now. If even they
 * cannot be loaded (the portal went away), a short message that needs no other code says so.
 */
import type { EmbedErrorContext, EmbedErrorMessage } from "@/lib/tableau/embed";

const UNEXPLAINED: EmbedErrorMessage = {
  title: "The dashboard could not be loaded",
  userMessage:
    "The portal could not be reached to finish loading this dashboard. Check your connection, then try again.",
  adminMessage:
    "The browser could not load the portal's own error messages (a script of the portal failed to load).",
};

const messages = () => import("./failure-messages");

/** After a `vizloaderror`: one more try with a fresh token (a spent or expired one), or the message to show. */
export async function explainLoadError(
  detail: unknown,
  context: EmbedErrorContext,
  mayRetry: boolean,
): Promise<{ kind: "retry" } | { kind: "error"; message: EmbedErrorMessage }> {
  try {
    const { describeVizLoadError, parseVizLoadError } = await messages();
    const parsed = parseVizLoadError(detail);
    if (parsed.isAuthFailure && mayRetry) return { kind: "retry" };
    return { kind: "error", message: describeVizLoadError(parsed, context) };
  } catch {
    return { kind: "error", message: UNEXPLAINED };
  }
}

/** The token route refused (`status` 0: no answer at all). */
export async function explainTokenFailure(
  status: number,
  detail: string,
  retryAfterSeconds?: number,
): Promise<EmbedErrorMessage> {
  try {
    return (await messages()).describeTokenFailure(status, detail, retryAfterSeconds);
  } catch {
    return UNEXPLAINED;
  }
}

/** The Embedding API would not load. */
export async function explainLibraryFailure(server: string, bundled: boolean): Promise<EmbedErrorMessage> {
  try {
    return (await messages()).libraryLoadFailure(server, bundled);
  } catch {
    return UNEXPLAINED;
  }
}

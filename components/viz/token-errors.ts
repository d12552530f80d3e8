/** What to say when the portal's own token route refuses (before Tableau is even asked). */
import type { EmbedErrorMessage } from "@/lib/tableau/embed";

export function describeTokenFailure(
  status: number,
  detail: string,
  retryAfterSeconds?: number,
): EmbedErrorMessage {
  if (status === 429) {
    const wait = retryAfterSeconds ? `in ${describeSeconds(retryAfterSeconds)}` : "in a minute";
    return {
      title: "Too many dashboard loads",
      userMessage: `Dashboards were opened or reloaded more often than the portal allows in a minute. Try again ${wait}.`,
      // No variable name: this ships to the browser, and server settings' names stay on the server.
      adminMessage: `The token route answered 429: this user reached the portal's limit of embed tokens per minute (a server setting; see the README's rate limits).${retryAfterSeconds ? ` Retry-After: ${retryAfterSeconds} s.` : ""}`,
    };
  }
  if (status === 401) {
    return {
      title: "Your portal session has ended",
      userMessage: "Sign in again to see this dashboard.",
      adminMessage: "The token route answered 401: the request carried no valid portal session.",
    };
  }
  if (status === 403) {
    return {
      title: "Your account is not linked to Tableau",
      userMessage:
        "Your portal account has no Tableau user, so dashboards cannot be shown to you. Ask your portal administrator to map your account to a Tableau user.",
      adminMessage: `The token route answered 403 (${detail}). Add a Tableau mapping for this user in the user directory.`,
    };
  }
  if (status === 0) {
    return {
      title: "The portal could not be reached",
      userMessage: "Check your network connection, then try again.",
      adminMessage: "The request to /api/tableau/token failed before any answer (network error).",
    };
  }
  return {
    title: "The portal could not sign you in to Tableau",
    userMessage:
      "Something went wrong on the portal's side. Try again in a minute; if it keeps happening, tell your portal administrator.",
    adminMessage: `The token route answered ${status}: ${detail} Run "npm run doctor" to check the Tableau settings.`,
  };
}

function describeSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function libraryLoadFailure(server: string, bundled: boolean): EmbedErrorMessage {
  return {
    title: "Tableau is not reachable",
    userMessage:
      "The dashboard software could not be loaded from Tableau. Tableau may be down; try again in a few minutes.",
    adminMessage: bundled
      ? "The bundled Embedding API failed to load in the browser. Check the build and the browser console."
      : `The Embedding API script could not be loaded from ${server}. Check that the Tableau server is up, reachable from browsers, and allowed by the Content-Security-Policy (script-src).`,
  };
}

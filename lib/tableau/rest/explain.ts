/**
 * Turns any error from the REST client into a stable code and a sentence an admin can act on. The one place
 * these messages live, so the admin page, the catalog and the doctor say the same thing.
 */
import { describeConnectedAppError, type EmbedErrorContext } from "../embed-errors";
import { TableauError, TableauFilterError, TableauUnavailableError } from "../errors";

export interface ExplainedError {
  code:
    | "tableau_unreachable"
    | "tableau_timeout"
    | "tableau_bad_response"
    | "tableau_signin_refused"
    | "tableau_session_refused"
    | "tableau_not_found"
    | "tableau_error"
    | "invalid_filter"
    | "internal_error";
  message: string;
}

/** `context` (site, server, Tableau username) makes the Connected App messages name the setting to fix. */
export function explainTableauError(err: unknown, context: EmbedErrorContext = {}): ExplainedError {
  if (err instanceof TableauUnavailableError) {
    const where = context.server ? `Tableau (${context.server})` : "Tableau";
    if (err.code === "tableau_timeout") {
      return {
        code: err.code,
        message: `${where} is too slow: it did not answer in time. Try again in a moment.`,
      };
    }
    if (err.code === "tableau_bad_response") {
      return {
        code: err.code,
        message: `${where} answered with something that is not Tableau's REST API. Check TABLEAU_SERVER and TABLEAU_RESTAPI_VERSION.`,
      };
    }
    if (err.status) {
      return {
        code: err.code,
        message: `${where} is failing (HTTP ${err.status}), even after retrying. Try again later.`,
      };
    }
    return {
      code: err.code,
      message: `${where} cannot be reached: the connection failed. Check that the server is up and that TABLEAU_SERVER is right, then try again.`,
    };
  }
  if (err instanceof TableauFilterError) return { code: "invalid_filter", message: err.message };
  if (err instanceof TableauError) return explainTableau(err, context);
  return { code: "internal_error", message: "Something went wrong while talking to Tableau. Try again." };
}

function explainTableau(err: TableauError, context: EmbedErrorContext): ExplainedError {
  if (err.code === "401001") {
    const sub = err.connectedAppCode;
    const why =
      sub === undefined
        ? `${err.summary}${err.detail ? `: ${err.detail}` : ""}`
        : describeConnectedAppError(sub, context).adminMessage;
    return { code: "tableau_signin_refused", message: `Tableau refused the REST sign-in. ${why}` };
  }
  if (err.code === "401002" || err.code === "401000") {
    return {
      code: "tableau_session_refused",
      message: `Tableau refused the session (${err.code}): the signed-in Tableau user may lack the rights or scopes for this request.`,
    };
  }
  if (err.status === 404) {
    return { code: "tableau_not_found", message: `Tableau could not find it (${err.code}: ${err.summary}).` };
  }
  if (err.status >= 500) {
    return {
      code: "tableau_unreachable",
      message: `${context.server ? `Tableau (${context.server})` : "Tableau"} is failing (HTTP ${err.status}, ${err.code}), even after retrying. Try again later.`,
    };
  }
  return { code: "tableau_error", message: `Tableau answered ${err.code}: ${err.summary}.` };
}

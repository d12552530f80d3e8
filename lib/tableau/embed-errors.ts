/**
 * What to tell people when Tableau refuses an embedded viz. One entry per Connected App code of
 * tableau-reference §2: a title, a line for the viewer (cause and what they can do), and a line for admins
 * (cause and the setting to fix). Unknown codes get a generic message that still shows the number.
 */
import type { ParsedVizLoadError } from "./embed-load-error";

export interface EmbedErrorContext {
  /** The Tableau username the portal account maps to (the JWT `sub`). */
  tableauUsername?: string | null;
  /** Site contentUrl ("" = default site). */
  site?: string;
  /** The Tableau server's address. */
  server?: string;
  /** The portal's origin, as the Connected App's domain allowlist must name it. */
  portalOrigin?: string;
}

export interface EmbedErrorMessage {
  title: string;
  userMessage: string;
  adminMessage: string;
  /** The Connected App code, when there was one. */
  code?: number;
}

type Entry = (c: Required<Pick<EmbedErrorContext, "site">> & EmbedErrorContext & { user: string }) => {
  title: string;
  userMessage: string;
  adminMessage: string;
};

const CONFIG_USER =
  "The portal's connection to Tableau is misconfigured, so no dashboard can load right now. This is not something you can fix: please tell your portal administrator.";

const ENTRIES: Record<number, Entry> = {
  5: (c) => ({
    title: "You don't have a Tableau account on this site",
    userMessage: `Your portal account maps to ${c.user}, who is not a user of the Tableau site${siteName(c.site)}. Ask your portal administrator to add ${c.user} to the site or to correct your account's mapping.`,
    adminMessage: `Tableau code 5 (SYSTEM_USER_NOT_FOUND): the token's sub "${c.user}" is not a user of the site${siteName(c.site)}. Add the user to the site, or fix the mapping in the user directory (usernames are case-sensitive; Tableau Cloud uses the e-mail address).`,
  }),
  16: (c) => ({
    title: "Tableau refused the sign-in",
    userMessage: `Tableau refused to sign you in as ${c.user}. This usually comes from the portal's settings or its clock, not from anything you did. Try again in a minute; if it keeps happening, tell your portal administrator.`,
    adminMessage: `Tableau code 16 (LOGIN_FAILED): the token's exp is more than 10 minutes ahead (check VIZPORT_TOKEN_LIFETIME_SECONDS), the user ${c.user} is unknown to the site, or the portal server's clock is not on correct UTC (check NTP).`,
  }),
  67: () => ({
    title: "On-demand access is not available",
    userMessage:
      "Your access to this dashboard is granted on demand, and this Tableau site does not allow that. Please tell your portal administrator.",
    adminMessage:
      'Tableau code 67 (FEATURE_NOT_ENABLED): the token asks for on-demand access ("https://tableau.com/oda"), which only licensed Tableau Cloud sites support. Remove the claim or enable on-demand access on the site.',
  }),
  126: () => ({
    title: "The portal's Tableau connection is not recognised",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 126 (CONNECTED_APP_NOT_FOUND): the Connected App was not found or is disabled. Check that TABLEAU_CA_CLIENT is the app's client id and that the app is enabled in Tableau.",
  }),
  127: () => ({
    title: "The portal's Tableau secret was rejected",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 127 (CONNECTED_APP_SECRET_NOT_FOUND): the Connected App secret does not match. Check that TABLEAU_CA_SECRET_ID and TABLEAU_CA_SECRET_VALUE are a secret of the app (generate a new secret in Tableau if unsure).",
  }),
  128: () => ({
    title: "The Connected App has too many secrets",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 128 (CONNECTED_APP_SECRET_LIMIT_EXCEEDED): a Connected App may hold at most two secrets. Delete an unused secret in Tableau before creating a new one.",
  }),
  133: (c) => ({
    title: "The Connected App's domain allowlist is invalid",
    userMessage: CONFIG_USER,
    adminMessage: `Tableau code 133 (INVALID_CONNECTED_APP_DOMAIN_SAFELIST): the app's domain allowlist holds invalid characters. Fix it in Tableau so that it names this portal's origin${c.portalOrigin ? ` (${c.portalOrigin})` : ""}.`,
  }),
  10083: () => ({
    title: "The portal sent Tableau a malformed token",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 10083 (BAD_JWT): the token's header lacks kid (TABLEAU_CA_SECRET_ID) or iss (TABLEAU_CA_CLIENT). Check both variables are set.",
  }),
  10084: () => ({
    title: "Tableau could not read the portal's token",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 10084 (JWT_PARSE_ERROR): aud is missing or not \"tableau\", sub is missing, or the portal server's clock differs from Tableau's. Check the user mapping and the server clock (UTC).",
  }),
  10085: () => ({
    title: "Tableau does not know the portal's secret id",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 10085 (COULD_NOT_FETCH_JWT_KEYS): the token's kid names no secret of the Connected App. Set TABLEAU_CA_SECRET_ID to the id of one of the app's secrets.",
  }),
  10087: () => ({
    title: "Tableau rejected the token's signature algorithm",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 10087 (BLOCKLISTED_JWS_ALGORITHM_USED_TO_SIGN): Connected App tokens must be signed with HS256.",
  }),
  10089: () => ({
    title: "Tableau does not know the portal's Connected App",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 10089 (CONNECTED_APP_NOT_FOUND): the token's issuer is not a Connected App of the site. Set TABLEAU_CA_CLIENT to the app's client id.",
  }),
  10090: () => ({
    title: "The portal's Connected App is disabled",
    userMessage: CONFIG_USER,
    adminMessage:
      "Tableau code 10090 (CONNECTED_APP_DISABLED): the Connected App is disabled. Enable it in Tableau's Connected Apps settings.",
  }),
};

/** Known Connected App codes (those with a specific message). */
export const KNOWN_CONNECTED_APP_CODES: readonly number[] = Object.keys(ENTRIES).map(Number);

/** The message for one Connected App code; an unknown code gets a generic message naming the number. */
export function describeConnectedAppError(code: number, context: EmbedErrorContext = {}): EmbedErrorMessage {
  const user = context.tableauUsername || "your Tableau user";
  const entry = ENTRIES[code];
  if (entry) return { ...entry({ ...context, site: context.site ?? "", user }), code };
  return {
    title: `Tableau refused to show this dashboard (code ${code})`,
    userMessage: `Tableau refused to sign you in as ${user} (Tableau error code ${code}). Try again in a minute; if it keeps happening, tell your portal administrator and quote the code.`,
    adminMessage: `Tableau returned Connected App code ${code}, which Vizport has no specific advice for. Look it up in Tableau's "Troubleshoot Connected Apps" page and check the token route's log.`,
    code,
  };
}

/** The message for a parsed `vizloaderror`: the Connected App code when there is one, else the load failure. */
export function describeVizLoadError(
  error: ParsedVizLoadError,
  context: EmbedErrorContext = {},
): EmbedErrorMessage {
  if (error.connectedAppCode !== undefined) return describeConnectedAppError(error.connectedAppCode, context);
  const status = error.httpStatus === undefined ? "" : ` (HTTP ${error.httpStatus})`;
  const server = context.server ? ` (${context.server})` : "";
  if (error.isAuthFailure && error.httpStatus === undefined) {
    // No status and no code: the sign-in got no answer it could read, which is what a Tableau that is down or
    // blocked looks like from the browser (a refusal carries a status).
    return {
      title: "Tableau could not be reached",
      userMessage:
        "The dashboard's sign-in got no answer from Tableau: it may be down, or blocked on your network. Try again in a minute; if it keeps happening, tell your portal administrator.",
      adminMessage: `The embed sign-in failed with no HTTP answer and no Connected App code. Check that the Tableau server${server} is up and reachable from users' browsers (DNS, firewall, proxy), and that the Connected App's domain allowlist names this portal's origin${context.portalOrigin ? ` (${context.portalOrigin})` : ""}.`,
    };
  }
  if (error.isAuthFailure) {
    return {
      title: "Tableau refused the sign-in",
      userMessage: `Tableau did not accept the portal's sign-in for this dashboard${status}. Try again in a minute; if it keeps happening, tell your portal administrator.`,
      adminMessage: `The embed sign-in failed${status} without a Connected App code. Check that the Tableau server${context.server ? ` (${context.server})` : ""} is reachable from browsers and that the Connected App's domain allowlist names this portal's origin${context.portalOrigin ? ` (${context.portalOrigin})` : ""}.`,
    };
  }
  return {
    title: "The dashboard could not load",
    userMessage: `Tableau could not load this dashboard (${error.errorCode}${status}). Try again; if it keeps happening, tell your portal administrator.`,
    adminMessage: `The Embedding API raised vizloaderror "${error.errorCode}"${status}. Check the view still exists and the Tableau server${context.server ? ` (${context.server})` : ""} answers.`,
  };
}

function siteName(site: string): string {
  return site === "" ? " (the default site)" : ` "${site}"`;
}

/**
 * Turns a REST client error into a failed check: the admin sentence from explainTableauError (which uses
 * describeConnectedAppError for every Connected App code) and the settings to look at.
 */
import { describeConnectedAppError } from "../tableau/embed-errors";
import { TableauError, TableauUnavailableError } from "../tableau/errors";
import { explainTableauError } from "../tableau/rest/explain";
import type { TableauConfig } from "./config";
import type { CheckId, CheckResult } from "./types";

/**
 * The settings each Connected App code points at: a variable, `clock` (this machine's clock) or `Tableau: …`
 * (a setting of the Connected App in Tableau itself).
 */
const SETTINGS_BY_CODE: Record<number, string[]> = {
  5: ["TABLEAU_USERNAME"],
  16: ["clock", "TABLEAU_USERNAME"],
  67: ["Tableau: on-demand access"],
  128: ["Tableau: Connected App secrets"],
  133: ["Tableau: Connected App domain allowlist"],
  10087: ["token signing algorithm (HS256)"],
  10090: ["Tableau: Connected App enabled", "TABLEAU_CA_CLIENT"],
  126: ["TABLEAU_CA_CLIENT"],
  127: ["TABLEAU_CA_SECRET_VALUE", "TABLEAU_CA_SECRET_ID"],
  10083: ["TABLEAU_CA_SECRET_ID", "TABLEAU_CA_CLIENT"],
  10084: ["TABLEAU_USERNAME", "clock"],
  10085: ["TABLEAU_CA_SECRET_ID"],
  10089: ["TABLEAU_CA_CLIENT"],
};

export function failedRestCheck(
  id: CheckId,
  title: string,
  doing: string,
  err: unknown,
  config: TableauConfig,
): CheckResult {
  const context = { server: config.server, site: config.site, tableauUsername: config.username };
  const explained = explainTableauError(err, context);
  const base = { id, title, status: "fail" as const };
  if (err instanceof TableauError && err.connectedAppCode !== undefined) {
    const code = err.connectedAppCode;
    return {
      ...base,
      summary: `${doing} refused: Connected App code ${code} (Tableau ${err.code})`,
      reason: `connected_app_${code}`,
      fix: SETTINGS_BY_CODE[code] ?? ["TABLEAU_CA_CLIENT", "TABLEAU_CA_SECRET_ID", "TABLEAU_CA_SECRET_VALUE"],
      advice: describeConnectedAppError(code, context).adminMessage,
    };
  }
  if (err instanceof TableauUnavailableError) {
    return {
      ...base,
      summary: `${doing} failed: ${err.code}`,
      reason: err.code,
      fix: ["TABLEAU_SERVER"],
      advice: explained.message,
    };
  }
  if (err instanceof TableauError) {
    return {
      ...base,
      summary: `${doing} failed: Tableau ${err.code} (HTTP ${err.status})`,
      reason: explained.code,
      fix:
        err.code === "401001"
          ? ["TABLEAU_USERNAME", "TABLEAU_CA_CLIENT"]
          : ["TABLEAU_SITENAME", "TABLEAU_USERNAME"],
      advice: explained.message,
    };
  }
  return { ...base, summary: `${doing} failed`, reason: explained.code, advice: explained.message };
}

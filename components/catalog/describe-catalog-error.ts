/**
 * The catalog's error state: a Connected App refusal gets the same words as the viz (cause and fix, admin
 * line for admins); anything else (Tableau down, slow, failing) gets the REST client's explanation.
 */
import { describeConnectedAppError, type EmbedErrorContext } from "@/lib/tableau/embed";
import { explainTableauError } from "@/lib/tableau/rest";
import { asTableauError } from "@/lib/catalog/tableau-error-shape";

export interface CatalogErrorText {
  code: string;
  message: string;
  adminMessage?: string;
}

export function describeCatalogError(error: unknown, context: EmbedErrorContext): CatalogErrorText {
  const tableau = asTableauError(error);
  if (tableau && tableau.code === "401001" && tableau.connectedAppCode !== undefined) {
    const described = describeConnectedAppError(tableau.connectedAppCode, context);
    return {
      code: "tableau_signin_refused",
      message: `${described.title}. ${described.userMessage}`,
      adminMessage: described.adminMessage,
    };
  }
  return explainTableauError(error, context);
}

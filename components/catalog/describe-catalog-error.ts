/**
 * The catalog's error state: a Connected App refusal gets the same words as the viz (cause and fix, admin
 * line for admins); anything else (Tableau down, slow, failing) gets the REST client's explanation.
 */
import { describeConnectedAppError, type EmbedErrorContext } from "@/lib/tableau/embed";
import { explainTableauError, TableauError } from "@/lib/tableau/rest";

export interface CatalogErrorText {
  code: string;
  message: string;
  adminMessage?: string;
}

export function describeCatalogError(error: unknown, context: EmbedErrorContext): CatalogErrorText {
  if (error instanceof TableauError && error.code === "401001" && error.connectedAppCode !== undefined) {
    const described = describeConnectedAppError(error.connectedAppCode, context);
    return {
      code: "tableau_signin_refused",
      message: `${described.title}. ${described.userMessage}`,
      adminMessage: described.adminMessage,
    };
  }
  return explainTableauError(error, context);
}

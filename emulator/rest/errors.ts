/**
 * Tableau REST errors: a typed error with Tableau's code (a string whose first three digits are the HTTP
 * status), turned into `{"error":{summary,detail,code}}` or `<error code><summary/><detail/></error>`.
 */
import type { EmuRequest, EmuResponse } from "../core/http";
import { respond, wantedFormat } from "./format";
import { escapeXml, toTsResponseXml } from "./xml";

export class TableauRestError extends Error {
  constructor(
    readonly code: string,
    readonly summary: string,
    readonly detail: string,
  ) {
    super(`${code} ${summary}: ${detail}`);
  }

  get status(): number {
    return Number(this.code.slice(0, 3));
  }

  toResponse(req: Pick<EmuRequest, "headers">, headers: Record<string, string> = {}): EmuResponse {
    if (wantedFormat(req) === "xml") {
      // Tableau's XML error carries summary and detail as child elements, not attributes.
      const inner = `<error code="${escapeXml(this.code)}"><summary>${escapeXml(this.summary)}</summary><detail>${escapeXml(this.detail)}</detail></error>`;
      return {
        status: this.status,
        headers: { "content-type": "application/xml; charset=utf-8", ...headers },
        body: toTsResponseXml({}).replace("</tsResponse>", `${inner}</tsResponse>`),
      };
    }
    return respond(
      req,
      this.status,
      { error: { summary: this.summary, detail: this.detail, code: this.code } },
      headers,
    );
  }
}

export const restErrors = {
  badRequest: (detail: string) => new TableauRestError("400000", "Bad Request", detail),
  unknownVersion: (version: string, min: string, max: string) =>
    new TableauRestError(
      "404001",
      "Version Not Found",
      `'${version}' is not a valid version of the API; this server has ${min} to ${max} (2.0–2.8, then 3.0 on).`,
    ),
  /** The emulator's choice [?]: a method older clients cannot call at their version, in TSC's reading. */
  methodTooNew: (method: string, since: string, version: string) =>
    new TableauRestError(
      "404003",
      "Resource Not Found",
      `${method} is not available in REST API ${version}; it needs ${since} or later.`,
    ),
  badPageNumber: (detail: string) => new TableauRestError("400006", "Invalid page number", detail),
  badPageSize: (detail: string) => new TableauRestError("400007", "Invalid page size", detail),
  badFilter: (detail: string) => new TableauRestError("400065", "Bad Request", `Invalid filter: ${detail}`),
  badSort: (detail: string) => new TableauRestError("400000", "Bad Request", `Invalid sort: ${detail}`),
  badFields: (detail: string) => new TableauRestError("400000", "Bad Request", `Invalid fields: ${detail}`),
  signinError: (connectedAppCode: number) =>
    new TableauRestError(
      "401001",
      "Signin Error",
      `Error signing in to Tableau Server (${connectedAppCode})`,
    ),
  expired: () =>
    new TableauRestError(
      "401000",
      "Session Expired",
      "The session for the authentication token has expired; sign in again.",
    ),
  invalidToken: () =>
    new TableauRestError(
      "401002",
      "Unauthorized Access",
      "Invalid authentication credentials were provided.",
    ),
  missingScope: (scope: string) =>
    new TableauRestError(
      "401002",
      "Unauthorized Access",
      `Invalid authentication credentials were provided: the session's JWT scopes do not include ${scope}.`,
    ),
  siteNotFound: (what: string) =>
    new TableauRestError("404000", "Resource Not Found", `Site '${what}' could not be found.`),
  workbookNotFound: (id: string) =>
    new TableauRestError("404006", "Resource Not Found", `Workbook '${id}' could not be found.`),
  userNotFound: (id: string) =>
    new TableauRestError("404002", "Resource Not Found", `User '${id}' could not be found.`),
  projectNotFound: (id: string) =>
    new TableauRestError("404005", "Resource Not Found", `Project '${id}' could not be found.`),
  groupNotFound: (id: string) =>
    new TableauRestError("404012", "Resource Not Found", `Group '${id}' could not be found.`),
  /** [?] Tableau's number for a missing data source is unconfirmed; the emulator shares the view's. */
  datasourceNotFound: (id: string) =>
    new TableauRestError("404011", "Resource Not Found", `Data source '${id}' could not be found.`),
  forbidden: (detail: string) => new TableauRestError("403000", "Forbidden", detail),
  viewNotFound: (id: string) =>
    new TableauRestError("404011", "Resource Not Found", `View '${id}' could not be found.`),
  notFound: (path: string) =>
    new TableauRestError("404000", "Resource Not Found", `No resource at '${path}'.`),
  methodNotAllowed: (method: string, allowed: string[]) =>
    new TableauRestError(
      "405000",
      "Method Not Allowed",
      `${method} is not allowed here; use ${allowed.join(", ")}.`,
    ),
  payloadTooLarge: (limit: number) =>
    new TableauRestError("413000", "Payload Too Large", `The request body exceeds ${limit} bytes.`),
  internal: () =>
    new TableauRestError("500000", "Internal Server Error", "The server encountered an unexpected error."),
  injected: (status: number) =>
    new TableauRestError(
      `${status}000`,
      "Injected Fault",
      "The emulator's control API injected this failure.",
    ),
};

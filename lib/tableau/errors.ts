/**
 * Typed errors for everything the Tableau client can fail with. Each class has a stable string `code`, so callers
 * (server actions, the doctor, route handlers) branch on codes and never on message text. Messages never hold a
 * token or the Connected App secret.
 */

// The REST client lives once per process (globalThis), but Next bundles this module once per layer (pages, route
// handlers), so an error may come from another copy of its class: `instanceof` checks the name instead.
function isNamedError(value: unknown, name: string): boolean {
  return value instanceof Error && value.name === name;
}

/** Tableau answered with an error body (`{"error":{"code","summary","detail"}}`) or a bare HTTP error status. */
export class TableauError extends Error {
  override readonly name = "TableauError";

  /** Matches by name, so an error built by another bundle layer's copy of this class still matches. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, "TableauError");
  }
  /** Tableau's own code, e.g. `"401001"`; `"http_<status>"` when the body carried none. */
  readonly code: string;
  readonly summary: string;
  readonly detail: string;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The Connected App sub-code Tableau puts in a sign-in error's detail as `(NN)`, e.g. 16 or 127. */
  readonly connectedAppCode?: number;

  constructor(init: { code: string; summary: string; detail: string; status: number; cause?: unknown }) {
    super(`Tableau error ${init.code}: ${init.summary}${init.detail ? ` (${init.detail})` : ""}`, {
      cause: init.cause,
    });
    this.code = init.code;
    this.summary = init.summary;
    this.detail = init.detail;
    this.status = init.status;
    const sub = parseConnectedAppCode(init.detail);
    if (sub !== undefined) this.connectedAppCode = sub;
  }

  /** True for the codes that mean "this REST session is no longer good: sign in again". */
  get isSessionRejected(): boolean {
    return this.code === "401000" || this.code === "401002";
  }
}

export type TableauUnavailableCode = "tableau_unreachable" | "tableau_timeout" | "tableau_bad_response";

/** Tableau could not be reached, did not answer in time, or answered with something that is not its API. */
export class TableauUnavailableError extends Error {
  override readonly name = "TableauUnavailableError";

  /** Matches by name, so an error built by another bundle layer's copy of this class still matches. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, "TableauUnavailableError");
  }
  readonly code: TableauUnavailableCode;
  /** HTTP status when there was one (a 5xx after retries, or a 2xx body that failed validation). */
  readonly status?: number;

  constructor(
    code: TableauUnavailableCode,
    message: string,
    init: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: init.cause });
    this.code = code;
    if (init.status !== undefined) this.status = init.status;
  }
}

export type TableauFilterCode = "filter_unknown_field" | "filter_bad_operator" | "filter_bad_value";

/** A filter or sort expression that Tableau would reject or misread (e.g. a value holding `,` or `&`). */
export class TableauFilterError extends Error {
  override readonly name = "TableauFilterError";

  /** Matches by name, so an error built by another bundle layer's copy of this class still matches. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, "TableauFilterError");
  }
  readonly code: TableauFilterCode;
  readonly field: string;

  constructor(code: TableauFilterCode, field: string, message: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

/**
 * The last `(NN)` group in a sign-in error's detail, e.g. `"Failed to sign in ... (127)"` → 127. Tableau puts the
 * Connected App code there; anything else yields `undefined`.
 */
export function parseConnectedAppCode(detail: string): number | undefined {
  const matches = [...detail.matchAll(/\((\d{1,6})\)/g)];
  const last = matches.at(-1)?.[1];
  return last === undefined ? undefined : Number(last);
}

/**
 * Reads a `vizloaderror` event's detail. The Embedding API documents `detail.errorCode` (e.g. `auth-failed`) and
 * `detail.message`, a JSON string holding the HTTP status and Tableau's response body, which carries the
 * Connected App code. The body's exact shape is not documented, so this walks whatever JSON it finds and looks
 * for the code in the places Tableau is known to put it: a numeric `code`-like field, or `(NN)` at the end of a
 * detail text (as in REST sign-in errors).
 */

export interface ParsedVizLoadError {
  /** The Embedding API's error code, e.g. `auth-failed`; "unknown" when absent. */
  errorCode: string;
  /** True when the sign-in to Tableau was refused (worth one re-mint and remount). */
  isAuthFailure: boolean;
  /** HTTP status of the sign-in answer, when the message names one. */
  httpStatus?: number;
  /** The Connected App code (tableau-reference §2), e.g. 5 or 127, when Tableau sent one. */
  connectedAppCode?: number;
}

const STATUS_KEYS = new Set(["status", "statuscode", "httpstatus", "httpstatuscode"]);
// REST error codes are six digits whose first three are the HTTP status (401001): not Connected App codes.
const REST_CODE = /^[1-5]\d{2}\d{3}$/;

/** Parses a `vizloaderror` detail (unknown input: anything the library or emulator put there). */
export function parseVizLoadError(detail: unknown): ParsedVizLoadError {
  const record = isRecord(detail) ? detail : {};
  const errorCode = typeof record.errorCode === "string" && record.errorCode ? record.errorCode : "unknown";
  const found: Found = {};
  const message = record.message;
  if (typeof message === "string") walk(tryJson(message) ?? message, found, 0);
  else if (message !== undefined) walk(message, found, 0);

  const result: ParsedVizLoadError = { errorCode, isAuthFailure: errorCode === "auth-failed" };
  if (found.status !== undefined) result.httpStatus = found.status;
  const code = found.explicit ?? found.fromText ?? found.generic;
  if (code !== undefined) result.connectedAppCode = code;
  return result;
}

interface Found {
  status?: number;
  /** From a key that can only mean the Connected App code. */
  explicit?: number;
  /** From `(NN)` in a text. */
  fromText?: number;
  /** From a plain `code` key. */
  generic?: number;
}

function walk(value: unknown, found: Found, depth: number, key = ""): void {
  if (depth > 6) return;
  if (typeof value === "string") {
    const nested = tryJson(value);
    if (nested !== undefined && typeof nested === "object") return walk(nested, found, depth + 1, key);
    if (found.fromText === undefined) found.fromText = codeInText(value);
    if (/^\d{1,6}$/.test(value)) noteNumber(Number(value), key, found);
    return;
  }
  if (typeof value === "number") return noteNumber(value, key, found);
  if (Array.isArray(value)) return value.forEach((item) => walk(item, found, depth + 1, key));
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) walk(v, found, depth + 1, k);
  }
}

function noteNumber(n: number, key: string, found: Found): void {
  if (!Number.isInteger(n) || n < 0) return;
  const k = key.toLowerCase();
  if (STATUS_KEYS.has(k)) {
    if (n >= 100 && n <= 599) found.status ??= n;
    return;
  }
  if (REST_CODE.test(String(n))) return;
  // No Connected App code is a 4xx/5xx number; a bare `code: 401` is an HTTP status.
  if (n >= 400 && n <= 599) {
    found.status ??= n;
    return;
  }
  if (k === "connectedappcode" || k === "subcode" || k === "connectedapperrorcode") found.explicit ??= n;
  else if (k === "code" || k === "errorcode") found.generic ??= n;
}

function codeInText(text: string): number | undefined {
  const matches = [...text.matchAll(/\((\d{1,5})\)/g)];
  const last = matches.at(-1)?.[1];
  return last === undefined ? undefined : Number(last);
}

function tryJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

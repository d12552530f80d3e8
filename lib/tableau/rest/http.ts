/**
 * The one fetch wrapper every REST call goes through: JSON headers, a timeout per attempt, bounded retries with
 * backoff for idempotent GETs, and Tableau's error bodies turned into typed errors. Nothing here knows sessions.
 */
import { TableauError, TableauUnavailableError } from "../errors";
import { errorBodySchema } from "./wire";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface TransportConfig {
  /** Base URL with scheme, no trailing slash, e.g. `https://10ay.online.tableau.com`. */
  server: string;
  apiVersion: string;
  fetch: FetchLike;
  timeoutMs: number;
  /** Extra attempts for a GET after a 5xx or a network failure. */
  retries: number;
  /** First backoff delay; doubles per attempt. */
  backoffMs: number;
}

export interface RestRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path after `/api/{version}`, e.g. `/sites/abc/workbooks`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  token?: string;
  body?: unknown;
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

/** Sends one request (with its retries) and returns the successful `Response`. */
export async function send(cfg: TransportConfig, req: RestRequest): Promise<Response> {
  const url = buildUrl(cfg, req);
  const isGet = req.method === "GET";
  // A POST is sent once: it may have taken effect (and a sign-in's token is spent once sent).
  const maxExtra = isGet ? cfg.retries : 0;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= maxExtra;
    let res: Response;
    try {
      res = await fetchWithTimeout(cfg, url, req);
    } catch (err) {
      if (err instanceof TableauUnavailableError && err.code === "tableau_timeout") throw err;
      if (last) throw unreachable(cfg, err);
      await sleep(backoff(cfg, attempt));
      continue;
    }
    if (res.ok) return res;
    // Only GETs are retried on 5xx: a POST may have taken effect; 4xx never changes on retry.
    if (isGet && RETRYABLE_STATUS.has(res.status) && !last) {
      await res.body?.cancel();
      await sleep(backoff(cfg, attempt));
      continue;
    }
    throw await toTableauError(res);
  }
}

/** GET or POST and parse the JSON body (unvalidated: callers parse it with their own schema). */
export async function sendJson(cfg: TransportConfig, req: RestRequest): Promise<unknown> {
  const res = await send(cfg, req);
  if (res.status === 204) return {};
  try {
    return await res.json();
  } catch (err) {
    throw new TableauUnavailableError(
      "tableau_bad_response",
      "Tableau answered with a body that is not JSON.",
      {
        status: res.status,
        cause: err,
      },
    );
  }
}

function buildUrl(cfg: TransportConfig, req: RestRequest): string {
  const url = new URL(`${cfg.server}/api/${cfg.apiVersion}${req.path}`);
  for (const [k, v] of Object.entries(req.query ?? {}))
    if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

async function fetchWithTimeout(cfg: TransportConfig, url: string, req: RestRequest): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), cfg.timeoutMs);
  const headers: Record<string, string> = { Accept: "application/json" };
  if (req.token) headers["X-Tableau-Auth"] = req.token;
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  try {
    const res = await cfg.fetch(url, {
      method: req.method,
      headers,
      body: req.body === undefined ? (req.method === "POST" ? "" : undefined) : JSON.stringify(req.body),
      signal: controller.signal,
    });
    // Read the body inside the timeout too: a server that sends headers and then stalls is still "slow".
    const bytes = await res.arrayBuffer();
    return new Response(res.status === 204 ? null : bytes, { status: res.status, headers: res.headers });
  } catch (err) {
    if (controller.signal.aborted) {
      throw new TableauUnavailableError(
        "tableau_timeout",
        `Tableau did not answer within ${cfg.timeoutMs} ms (${req.method} ${req.path}).`,
        { cause: err },
      );
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function toTableauError(res: Response): Promise<Error> {
  const text = await res.text().catch(() => "");
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: a proxy page or an empty body; fall through to the status-only error.
  }
  const body = errorBodySchema.safeParse(parsed);
  if (body.success) {
    const e = body.data.error;
    return new TableauError({ code: e.code, summary: e.summary, detail: e.detail, status: res.status });
  }
  if (res.status >= 500) {
    return new TableauUnavailableError("tableau_unreachable", `Tableau answered HTTP ${res.status}.`, {
      status: res.status,
    });
  }
  return new TableauError({
    code: `http_${res.status}`,
    summary: res.statusText || `HTTP ${res.status}`,
    detail: "",
    status: res.status,
  });
}

function unreachable(cfg: TransportConfig, err: unknown): TableauUnavailableError {
  return new TableauUnavailableError("tableau_unreachable", `Could not reach Tableau at ${cfg.server}.`, {
    cause: err,
  });
}

function backoff(cfg: TransportConfig, attempt: number): number {
  const base = cfg.backoffMs * 2 ** attempt;
  return base + Math.floor(Math.random() * (base / 2));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

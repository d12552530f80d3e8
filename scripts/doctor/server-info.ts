/**
 * Check 3: reach `{server}/api/{version}/serverinfo` (no sign-in needed), then compare clocks with the answer's
 * `Date` header and the configured REST version with the server's.
 */
import { z } from "zod";
import type { TableauConfig } from "./config";
import type { CheckResult } from "./types";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const serverInfoSchema = z.object({
  serverInfo: z.object({
    productVersion: z.union([z.string(), z.object({ value: z.string() }).loose()]),
    restApiVersion: z.string(),
  }),
});

/** Oldest REST version whose JWT sign-in the portal relies on. */
const MIN_VERSION = "3.17";
/** Tableau accepts tokens from a clock this far off, give or take; past it, sign-ins fail with code 16. */
export const MAX_SKEW_SECONDS = 60;

export interface ServerInfo {
  productVersion: string;
  restApiVersion: string;
  /** The server's clock from the `Date` header, ms; undefined when the header is missing. */
  serverTime?: number;
}

/** Thrown with a reason code and a one-line summary; never a stack for the report. */
export class ServerInfoError extends Error {
  constructor(
    readonly reason: "tableau_unreachable" | "tableau_timeout" | "tableau_bad_response",
    message: string,
  ) {
    super(message);
    this.name = "ServerInfoError";
  }
}

async function getServerInfo(url: string, fetchFn: Fetch, timeoutMs: number): Promise<ServerInfo> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    if (err instanceof Error && err.name === "TimeoutError")
      throw new ServerInfoError("tableau_timeout", `no answer from ${url} within ${timeoutMs / 1000} s`);
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
    const code = cause && "code" in cause && typeof cause.code === "string" ? ` (${cause.code})` : "";
    throw new ServerInfoError("tableau_unreachable", `cannot connect to ${url}${code}`);
  }
  const date = res.headers.get("date");
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = serverInfoSchema.safeParse(body);
  if (!res.ok || !parsed.success)
    throw new ServerInfoError(
      "tableau_bad_response",
      `${url} answered HTTP ${res.status}, not Tableau's serverinfo`,
    );
  const { productVersion, restApiVersion } = parsed.data.serverInfo;
  const serverTime = date ? Date.parse(date) : NaN;
  return {
    productVersion: typeof productVersion === "string" ? productVersion : productVersion.value,
    restApiVersion,
    ...(Number.isFinite(serverTime) ? { serverTime } : {}),
  };
}

/**
 * Reads serverinfo at the configured version; when that fails with an answer (a version the server lacks),
 * asks again at 3.17 so the version check can name the server's newest.
 */
export async function fetchServerInfo(
  config: TableauConfig,
  fetchFn: Fetch,
  timeoutMs: number,
): Promise<{ info: ServerInfo; configuredVersionAnswered: boolean }> {
  const at = (version: string) => `${config.server}/api/${version}/serverinfo`;
  try {
    return {
      info: await getServerInfo(at(config.apiVersion), fetchFn, timeoutMs),
      configuredVersionAnswered: true,
    };
  } catch (err) {
    if (
      !(err instanceof ServerInfoError) ||
      err.reason !== "tableau_bad_response" ||
      config.apiVersion === MIN_VERSION
    )
      throw err;
    return {
      info: await getServerInfo(at(MIN_VERSION), fetchFn, timeoutMs).catch(() => Promise.reject(err)),
      configuredVersionAnswered: false,
    };
  }
}

export function serverCheck(config: TableauConfig, result: ServerInfo | ServerInfoError): CheckResult {
  const title = "Tableau server";
  if (result instanceof ServerInfoError) {
    return {
      id: "server",
      title,
      status: "fail",
      summary: result.message,
      reason: result.reason,
      fix: ["TABLEAU_SERVER"],
      advice: `Check that Tableau is up and that TABLEAU_SERVER (${config.server}) is its address, with scheme and no path.`,
    };
  }
  return {
    id: "server",
    title,
    status: "pass",
    summary: `${config.server} answers: Tableau ${result.productVersion}, REST API up to ${result.restApiVersion}`,
    details: { productVersion: result.productVersion, restApiVersion: result.restApiVersion },
  };
}

export function clockCheck(info: ServerInfo, localNow: number): CheckResult {
  const title = "Clock";
  if (info.serverTime === undefined) {
    return {
      id: "clock",
      title,
      status: "pass",
      summary: "the server sent no Date header; skew not measured",
    };
  }
  // The Date header has whole seconds; the local clock is rounded the same way.
  const skewSeconds = Math.round((Math.floor(localNow / 1000) * 1000 - info.serverTime) / 1000);
  const details = {
    localTime: new Date(localNow).toISOString(),
    serverTime: new Date(info.serverTime).toISOString(),
    skewSeconds,
  };
  if (Math.abs(skewSeconds) <= MAX_SKEW_SECONDS) {
    return {
      id: "clock",
      title,
      status: "pass",
      summary: `local clock within ${Math.abs(skewSeconds)} s of the server's`,
      details,
    };
  }
  const ahead = skewSeconds > 0 ? "ahead of" : "behind";
  return {
    id: "clock",
    title,
    status: "fail",
    summary: `local clock is ${Math.abs(skewSeconds)} s ${ahead} the server's (more than ${MAX_SKEW_SECONDS} s)`,
    reason: "clock_skew",
    fix: ["clock"],
    advice:
      "Tableau judges a token's iat, nbf and exp by its own clock, so a skewed clock makes sign-ins fail with Connected App code 16 (LOGIN_FAILED). Put this machine (or the Tableau server) on correct UTC time with NTP.",
    details,
  };
}

const minor = (version: string): number => Number(/^3\.(\d+)$/.exec(version)?.[1] ?? NaN);

export function versionCheck(
  config: TableauConfig,
  info: ServerInfo,
  configuredVersionAnswered: boolean,
): CheckResult {
  const title = "REST API version";
  const mine = minor(config.apiVersion);
  const theirs = minor(info.restApiVersion);
  const details = { configured: config.apiVersion, server: info.restApiVersion };
  const fail = (summary: string): CheckResult => ({
    id: "version",
    title,
    status: "fail",
    summary,
    reason: "rest_version_unsupported",
    fix: ["TABLEAU_RESTAPI_VERSION"],
    advice: `Set TABLEAU_RESTAPI_VERSION to a version from ${MIN_VERSION} to ${info.restApiVersion}.`,
    details,
  });
  if (!(mine >= minor(MIN_VERSION)))
    return fail(`${config.apiVersion} is older than ${MIN_VERSION}, which JWT sign-in needs`);
  if (!configuredVersionAnswered || (Number.isFinite(theirs) && mine > theirs))
    return fail(`${config.apiVersion} is newer than the server's ${info.restApiVersion}`);
  return {
    id: "version",
    title,
    status: "pass",
    summary: `${config.apiVersion} is supported (server: up to ${info.restApiVersion})`,
    details,
  };
}

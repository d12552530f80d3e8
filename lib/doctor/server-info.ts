/**
 * Check 3, the request: `{server}/api/{version}/serverinfo` (no sign-in needed), with the answer's `Date`
 * header for the clock check. The verdicts are in server-checks.ts.
 */
import { z } from "zod";
import type { TableauConfig } from "./config";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const serverInfoSchema = z.object({
  serverInfo: z.object({
    productVersion: z.union([z.string(), z.object({ value: z.string() }).loose()]),
    restApiVersion: z.string(),
  }),
});

/** Oldest REST version whose JWT sign-in the portal relies on. */
export const MIN_VERSION = "3.17";

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

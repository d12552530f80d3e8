/** Check 3, the verdicts: server reachable, clocks within a minute, REST version supported. */
import type { TableauConfig } from "./config";
import { MIN_VERSION, ServerInfoError, type ServerInfo } from "./server-info";
import type { CheckResult } from "./types";

/** Tableau accepts tokens from a clock this far off, give or take; past it, sign-ins fail with code 16. */
export const MAX_SKEW_SECONDS = 60;

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

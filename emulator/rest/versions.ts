/**
 * REST API versions. Tableau's ran 2.0 to 2.8, then 3.0 upwards (there is no 2.9); the emulator has each of
 * them from `minApiVersion` to `maxApiVersion`. A version it does not have is 404001; a method asked for at a
 * version older than the one that introduced it is 404003 (what Tableau's own Python client reads as "this
 * endpoint is not on the server").
 */
import type { EmulatorConfig } from "../core/context";
import { restErrors } from "./errors";

const LAST_2X_MINOR = 8;

/** Compares "3.9" < "3.17" numerically, part by part. */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am !== bm ? am - bm : an - bn;
}

export function isKnownVersion(
  version: string,
  config: Pick<EmulatorConfig, "minApiVersion" | "maxApiVersion">,
) {
  const m = /^([23])\.(0|[1-9]\d?)$/.exec(version);
  if (!m) return false;
  if (m[1] === "2" && Number(m[2]) > LAST_2X_MINOR) return false;
  return (
    compareVersions(version, config.minApiVersion) >= 0 && compareVersions(version, config.maxApiVersion) <= 0
  );
}

/** Throws Tableau's error unless `version` is one the server has and `method` exists at it. */
export function checkVersion(
  version: string,
  method: { name: string; since: string },
  config: Pick<EmulatorConfig, "minApiVersion" | "maxApiVersion">,
): void {
  if (!isKnownVersion(version, config))
    throw restErrors.unknownVersion(version, config.minApiVersion, config.maxApiVersion);
  if (compareVersions(version, method.since) < 0)
    throw restErrors.methodTooNew(method.name, method.since, version);
}

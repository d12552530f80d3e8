/**
 * The only reader of `process.env`. Parsed once, cached; a bad configuration throws one ConfigError that names
 * every bad variable (see env-schema.ts).
 */
import "server-only";
import { parseEnv, type Env } from "./env-schema";

export { ConfigError, parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The raw variables, for the doctor's readiness probe, which checks them itself and reports each problem. */
export function rawEnvironment(): Record<string, string | undefined> {
  return process.env;
}

/** The validated configuration. Throws ConfigError (code CONFIG_INVALID) when a variable is missing or bad. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

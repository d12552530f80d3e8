/**
 * The only reader of `process.env`. Parsed once, cached; a bad configuration throws one ConfigError that names
 * every bad variable (see env-schema.ts).
 */
import "server-only";
import { parseEnv, type Env } from "./env-schema";

export { ConfigError, parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The validated configuration. Throws ConfigError (code CONFIG_INVALID) when a variable is missing or bad. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

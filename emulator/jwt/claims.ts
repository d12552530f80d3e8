/** Pulls the user-attribute claims (row-level security, groups) out of a verified payload. */
const REGISTERED = new Set([
  "iss",
  "sub",
  "aud",
  "exp",
  "nbf",
  "iat",
  "jti",
  "scp",
  "https://tableau.com/oda",
]);

/** Every non-registered claim whose value is a string or an array of strings (others are ignored). */
export function attributeClaims(payload: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (REGISTERED.has(key)) continue;
    if (typeof value === "string") out[key] = value;
    else if (Array.isArray(value) && value.every((v): v is string => typeof v === "string")) out[key] = value;
  }
  return out;
}

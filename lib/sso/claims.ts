/**
 * Reading an OpenID Connect person's claims (ID token and userinfo merged) without trusting their shape: a
 * claim is whatever JSON the provider sent, and a rule may name any claim, `constructor` included.
 */

export type Claims = Readonly<Record<string, unknown>>;
export type ClaimScalar = string | number | boolean;

/** A claim's value, or undefined when absent; own properties only, so no name reaches Object.prototype. */
export function readClaim(claims: Claims, name: string): unknown {
  return Object.hasOwn(claims, name) ? claims[name] : undefined;
}

export function isScalar(value: unknown): value is ClaimScalar {
  return (
    typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && isFinite(value))
  );
}

/** Absent, null, "" and [] all mean "the provider told us nothing". */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export type ListClaim = { ok: true; values: string[] } | { ok: false };

/**
 * A list-valued claim such as `groups`: a JSON array of strings (or numbers), or one string. A string with a
 * comma is split on commas (so "Sales Team,Finance" keeps its spaces), otherwise on whitespace. Absent or
 * empty is an empty list; anything else (an object, an array holding objects) is not a list.
 */
export function readListClaim(claims: Claims, name: string): ListClaim {
  const value = readClaim(claims, name);
  if (!hasValue(value)) return { ok: true, values: [] };
  if (typeof value === "string") {
    const separator = value.includes(",") ? /,/ : /\s+/;
    return { ok: true, values: unique(value.split(separator).map((item) => item.trim())) };
  }
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) {
    return { ok: true, values: unique(value.map((item) => String(item).trim())) };
  }
  return { ok: false };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ""))];
}

/**
 * Microsoft Entra ID leaves `groups` out when a person is in too many groups and points at a Graph call instead
 * (`_claim_names.groups`). Matching on groups would then see "no groups", which is not the truth.
 */
export function groupsOverage(claims: Claims, groupsClaim: string): boolean {
  if (hasValue(readClaim(claims, groupsClaim))) return false;
  const names = readClaim(claims, "_claim_names");
  return typeof names === "object" && names !== null && Object.hasOwn(names, groupsClaim);
}

/** `email_verified` as true/false; some providers (e.g. Amazon Cognito) send the string "true". */
export function isEmailVerified(claims: Claims): boolean {
  const value = readClaim(claims, "email_verified");
  return value === true || value === "true";
}

/** The domain of an e-mail address already checked and lower-cased: the text after the last "@". */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/**
 * Connected App error codes (tableau-reference.md §2). Codes above 10090 are the emulator's own choices
 * ([?] in the reference: Tableau has such checks but their numbers are not documented).
 */
export const CA = {
  USER_NOT_FOUND: 5,
  LOGIN_FAILED: 16,
  BAD_JWT: 10083,
  JWT_PARSE_ERROR: 10084,
  SECRET_NOT_FOUND_FOR_KID: 10085,
  BLOCKLISTED_ALGORITHM: 10087,
  UNKNOWN_ISSUER: 10089,
  APP_DISABLED: 10090,
  /** Wrong secret value (the signature does not verify with the secret that `kid` names). */
  SECRET_MISMATCH: 127,
  /** [emulator] `jti` missing or already used. */
  JTI_REJECTED: 10091,
  /** [emulator] `scp` missing, not an array of strings, or lacking the scope the call needs. */
  SCOPE_REJECTED: 10092,
  /** [emulator] embedding from an origin outside the Connected App's domain allowlist. */
  ORIGIN_NOT_ALLOWED: 10093,
} as const;

export type ConnectedAppCode = (typeof CA)[keyof typeof CA];

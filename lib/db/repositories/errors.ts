/** What a repository refuses, with a stable code the console turns into a message. */
export type AccountErrorCode = "EMAIL_TAKEN" | "STALE_EDIT" | "NOT_FOUND" | "SSO_IDENTITY_TAKEN";

export class AccountError extends Error {
  readonly code: AccountErrorCode;

  constructor(code: AccountErrorCode, message: string) {
    super(message);
    this.name = "AccountError";
    this.code = code;
  }
}

/** A unique constraint's violation, as either engine reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    /UNIQUE constraint failed/.test(String(message))
  );
}

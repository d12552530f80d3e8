/** Secrets the end-to-end servers are configured with: e2e only, and searched for in every log and asset. */
export const E2E_AUTH_SECRET = "e2e-only-auth-secret-never-use-in-production-0123";
/** The 3102 portal's deliberately wrong Connected App secret value (the secret error path). */
export const WRONG_SECRET_VALUE = "a-wrong-secret-value-for-the-error-path-0000";

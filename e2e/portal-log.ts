/** The 3100 portal's stdout (its JSON log lines) goes to this file (playwright.config.ts); specs read it. */
export const PORTAL_LOG = ".e2e-logs/portal-3100.log";

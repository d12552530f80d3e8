/** The 3100 portal's output (its JSON log lines, and stderr) goes to this file (playwright.config.ts). */
export const PORTAL_LOG = ".e2e-logs/portal-3100.log";

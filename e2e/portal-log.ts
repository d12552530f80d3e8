/** The main (server-library) portal's output, its JSON log lines and stderr, goes here (playwright.config.ts). */
export const PORTAL_LOG = ".e2e-logs/portal-server.log";

/**
 * Runs once when the server starts: a bad configuration stops start-up with the one message that names every
 * bad variable, instead of surfacing on the first request. The check is imported only in the Node.js runtime
 * (the condition lets the bundler drop it from the Edge build).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigOrExit } = await import("./lib/startup/check-config");
    checkConfigOrExit();
  }
}

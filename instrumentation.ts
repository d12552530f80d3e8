/**
 * Runs once when the server starts, in the Node.js runtime only (the condition lets the bundler drop these
 * imports from the Edge build): every request gets its TCP peer's address stamped on it, for the per-address
 * limits, and a bad configuration stops start-up with one message instead of surfacing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { stampPeerAddresses } = await import("./lib/startup/peer-address");
    stampPeerAddresses();
    const { checkConfigOrExit } = await import("./lib/startup/check-config");
    await checkConfigOrExit();
  }
}

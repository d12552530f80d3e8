/**
 * Runs once when the server starts: a bad configuration stops start-up with the one message that names every
 * bad variable, instead of surfacing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, ConfigError } = await import("./lib/env");
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Vizport cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

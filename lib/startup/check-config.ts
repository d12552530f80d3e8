/**
 * Node.js only (imported by instrumentation.ts behind its runtime check, so the Edge build never sees
 * `process.exit`): a bad configuration stops start-up with the one message that names every bad variable.
 */
import { ConfigError, getEnv } from "@/lib/env";

export function checkConfigOrExit(): void {
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

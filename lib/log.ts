/**
 * Structured logs: one JSON line per event on stdout. Callers pass facts (user, outcome, a jti hash), never a
 * token, a password or a secret.
 */
export function logEvent(event: string, fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}

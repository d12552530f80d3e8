/**
 * The shared store could not answer (Redis down, unreachable or too slow). Callers decide what that means for
 * them: sign-in refuses (never unlimited guessing), the token limit and caches fall back to this instance.
 */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
  readonly code = "store_unavailable";

  /** Matches by name: Next bundles lib/ once per layer, so the error may come from another copy of the class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "StoreUnavailableError";
  }

  constructor(message = "The shared store (Redis) is not answering.", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Sessions ended before their cookie expires (sign-out): a session id is refused until the moment its cookie
 * would have expired anyway, after which the entry can be forgotten.
 */
export interface RevocationStore {
  revoke(sessionId: string, untilMs: number): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
}

export class MemoryRevocationStore implements RevocationStore {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async revoke(sessionId: string, untilMs: number): Promise<void> {
    this.sweep();
    this.until.set(sessionId, Math.max(untilMs, this.until.get(sessionId) ?? 0));
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    const until = this.until.get(sessionId);
    return until !== undefined && until > this.now();
  }

  get size(): number {
    return this.until.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, until] of this.until) if (until <= now) this.until.delete(id);
  }
}

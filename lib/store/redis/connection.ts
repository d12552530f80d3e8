/**
 * One connection to Redis per process, shared by every store. While Redis is down or reconnecting, commands
 * fail at once (no offline queue: a sign-in must not wait for a Redis that may never return) and each call is
 * bounded by its own timeout, so a Redis that stopped answering costs a request at most `timeoutMs`. The bound
 * is generous (1.5 s): a busy event loop delays the reply's callback too, and a bound that fires then would
 * turn a loaded instance's Redis answers into outages. The client reconnects on
 * its own, backing off up to 2 s; stores hear of each reconnection (`onReady`) to resynchronise.
 */
import { createClient } from "redis";
import { StoreUnavailableError } from "../errors";
import { SCRIPTS } from "./scripts";

export type RedisClient = ReturnType<typeof buildClient>;

export interface ConnectionOptions {
  url: string;
  /** Per-call bound, default 1,500 ms. */
  timeoutMs?: number;
  /** Told when the connection goes down or comes back (for the log); never given the URL. */
  onStateChange?: (state: "up" | "down", detail?: string) => void;
}

function buildClient(url: string) {
  return createClient({
    url,
    scripts: SCRIPTS,
    disableOfflineQueue: true,
    // A PING each second keeps a silent socket busy, so a Redis that stopped answering trips socketTimeout and
    // the client reconnects instead of waiting on a dead socket.
    pingInterval: 1_000,
    socket: {
      connectTimeout: 1_000,
      socketTimeout: 5_000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
}

export class RedisConnection {
  readonly client: RedisClient;
  private readonly timeoutMs: number;
  private readonly readyListeners = new Set<() => void>();
  private up = false;
  /** Settles on the first connection: a request arriving while the process is still connecting waits for it. */
  private readonly firstReady: Promise<void>;

  constructor(private readonly options: ConnectionOptions) {
    this.timeoutMs = options.timeoutMs ?? 1_500;
    this.client = buildClient(options.url);
    this.firstReady = new Promise((resolve) => this.client.once("ready", () => resolve()));
    // Without an error listener node-redis would throw the error on the process; the state change is enough.
    this.client.on("error", (error: unknown) =>
      this.markDown(error instanceof Error ? error.message : "error"),
    );
    this.client.on("ready", () => {
      if (!this.up) this.options.onStateChange?.("up");
      this.up = true;
      for (const listener of this.readyListeners) listener();
    });
    this.client.on("end", () => this.markDown("closed"));
    // The first connection may fail too: the reconnect strategy keeps trying, and the promise is not awaited.
    this.client.connect().catch((error: unknown) => this.markDown(String(error)));
  }

  /** Connected and able to take commands now. */
  get ready(): boolean {
    return this.client.isReady;
  }

  /** Called on every (re)connection, and at once if already connected. */
  onReady(listener: () => void): void {
    this.readyListeners.add(listener);
    if (this.client.isReady) listener();
  }

  /** Runs `command` with a bound; every failure (down, timeout, Redis error) becomes StoreUnavailableError. */
  async run<T>(command: (client: RedisClient) => Promise<T>): Promise<T> {
    if (!this.client.isReady) await this.awaitFirstConnection();
    if (!this.client.isReady) throw new StoreUnavailableError();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(`Redis did not answer within ${this.timeoutMs} ms.`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([command(this.client), timeout]);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(undefined, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Until the first connection, waits for it (at most the call bound); after it, a lost connection fails fast. */
  private async awaitFirstConnection(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.timeoutMs)));
    await Promise.race([this.firstReady, bound]);
    clearTimeout(timer);
  }

  /** A second connection for Pub/Sub (a subscribed connection takes no other commands). */
  subscriber(): RedisClient {
    const duplicate = this.client.duplicate();
    duplicate.on("error", () => undefined);
    duplicate.connect().catch(() => undefined);
    return duplicate;
  }

  async close(): Promise<void> {
    this.readyListeners.clear();
    this.client.destroy();
  }

  private markDown(detail: string): void {
    if (this.up) this.options.onStateChange?.("down", detail);
    this.up = false;
  }
}

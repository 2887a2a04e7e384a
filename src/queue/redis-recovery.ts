/**
 * Watches for Redis coming back after an outage. A node-redis client is meant to reconnect by itself,
 * but under load we saw BullMQ's connections stay broken after a Redis restart (every enqueue failing
 * with the outage's last error, or a worker that never took a job again). So the queue does not rely
 * on that: after any connection error it probes Redis with a fresh, short-lived client every
 * `intervalMs`, and once a PING answers it calls `onBack`, which opens new connections.
 */
import { createClient } from '@keyv/redis';

/** Errors that mean the connection to Redis is gone (not a command's own failure). */
export function isConnectionError(err: unknown): boolean {
  const text =
    err instanceof Error
      ? `${err.name} ${err.message} ${(err as { code?: string }).code ?? ''}`
      : String(err);
  return /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EHOSTUNREACH|socket closed|client is (offline|closed)|connection (is )?closed|ConnectionTimeout|SocketClosedUnexpectedly|ClientClosed|ClientOffline/i.test(
    text,
  );
}

export class RedisRecovery {
  private timer: NodeJS.Timeout | null = null;
  private probing = false;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onBack: () => Promise<void> | void,
    private readonly intervalMs = 1_000,
  ) {}

  /** A connection failed: probe until Redis answers a fresh client (once per outage). */
  outage(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.probe(), this.intervalMs);
    this.timer.unref();
  }

  /** True while an outage is being watched. */
  get watching(): boolean {
    return this.timer !== null;
  }

  close(): void {
    this.closed = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async probe(): Promise<void> {
    if (this.probing || this.closed) return;
    this.probing = true;
    const client = createClient({
      url: this.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: this.intervalMs, reconnectStrategy: false },
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      this.clear();
      if (!this.closed) await this.onBack();
    } catch {
      // Still away: the next tick tries again.
    } finally {
      if (client.isOpen) client.destroy();
      this.probing = false;
    }
  }
}

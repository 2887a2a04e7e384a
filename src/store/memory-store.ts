import type { Clock, KeyValueStore } from '../core/ports.js';
import { systemClock } from '../core/ports.js';

/** In-memory KeyValueStore: the default for tests and `memory://`. Values are copied through JSON. */
export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, { json: string; expires: number | null }>();
  constructor(private readonly clock: Clock = systemClock) {}

  async get<T>(key: string): Promise<T | undefined> {
    const hit = this.data.get(key);
    if (!hit) return undefined;
    if (hit.expires !== null && hit.expires <= this.clock.now().getTime()) {
      this.data.delete(key);
      return undefined;
    }
    return JSON.parse(hit.json) as T;
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    const expires = ttlMs ? this.clock.now().getTime() + ttlMs : null;
    this.data.set(key, { json: JSON.stringify(value), expires });
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if ((await this.get(key)) !== undefined) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }

  async close(): Promise<void> {
    this.data.clear();
  }
}

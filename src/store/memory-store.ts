import type { Clock, KeyValueStore } from '../model/ports.js';
import { systemClock } from '../model/ports.js';

/** In-memory KeyValueStore: the default for tests and `memory://`. Values are copied through JSON. */
export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, { json: string; expires: number | null }>();
  constructor(private readonly clock: Clock = systemClock) {}

  /** Synchronous read, so setIfAbsent can check and set with no await in between. */
  private live(key: string): string | undefined {
    const hit = this.data.get(key);
    if (!hit) return undefined;
    if (hit.expires !== null && hit.expires <= this.clock.now().getTime()) {
      this.data.delete(key);
      return undefined;
    }
    return hit.json;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const json = this.live(key);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    const expires = ttlMs ? this.clock.now().getTime() + ttlMs : null;
    this.data.set(key, { json: JSON.stringify(value), expires });
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if (this.live(key) !== undefined) return false;
    this.data.set(key, { json: JSON.stringify(value), expires: this.clock.now().getTime() + ttlMs });
    return true;
  }

  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }

  async close(): Promise<void> {
    this.data.clear();
  }
}

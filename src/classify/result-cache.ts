/**
 * Classifications in the KeyValueStore. A store that fails only costs a model call: get() misses and
 * put() is skipped, each with a warning. What comes back is parsed; a stale or foreign shape misses.
 */
import type { ClassifyResponse, KeyValueStore, Logger } from '../model/ports.js';
import { type StoredResponse, storedResponseSchema } from './cache-key.js';

export interface ResultCache {
  get(key: string): Promise<StoredResponse | null>;
  put(key: string, response: ClassifyResponse): Promise<void>;
}

export function createResultCache(store: KeyValueStore, logger: Logger, ttlMs: number): ResultCache {
  return {
    async get(key) {
      let raw: unknown;
      try {
        raw = await store.get<unknown>(key);
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'llm cache read failed');
        return null;
      }
      if (raw === undefined) return null;
      const parsed = storedResponseSchema.safeParse(raw);
      if (!parsed.success) {
        logger.warn({ key }, 'llm cache entry has an unexpected shape; ignored');
        return null;
      }
      return parsed.data;
    },
    async put(key, response) {
      const { cached: _cached, ...stored } = response;
      try {
        await store.set(key, stored, ttlMs || undefined);
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'llm cache write failed');
      }
    },
  };
}

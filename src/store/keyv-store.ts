/**
 * KeyValueStore over keyv: SQLite (one machine, the default) or Redis (several replicas).
 * A failing store degrades the bot (no cache, possible duplicate reply), never stops it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { redact } from '../config.js';
import type { KeyValueStore, Logger } from '../core/ports.js';
import { MemoryStore } from './memory-store.js';

const NAMESPACE = 'claimdesk';

class KeyvStore implements KeyValueStore {
  /** Serialises setIfAbsent per key within this process (SQLite has one writer: this process). */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly keyv: Keyv,
    private readonly logger: Logger,
    /** Atomic SET NX across processes, when the backend has one (Redis). */
    private readonly atomicSetNx: ((key: string, json: string, ttlMs: number) => Promise<boolean>) | null,
  ) {
    keyv.on('error', (err: unknown) => this.logger.warn({ err: String(err) }, 'store error'));
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      return (await this.keyv.get<T>(key)) ?? undefined;
    } catch (err) {
      this.logger.warn({ err: String(err), key }, 'store get failed; continuing without it');
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    try {
      await this.keyv.set(key, value, ttlMs);
    } catch (err) {
      this.logger.warn({ err: String(err), key }, 'store set failed; continuing without it');
    }
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    try {
      if (this.atomicSetNx) return await this.atomicSetNx(key, JSON.stringify(value), ttlMs);
      const prev = this.locks.get(key) ?? Promise.resolve();
      const next = prev.then(async () => {
        if ((await this.keyv.get(key)) !== undefined) return false;
        await this.keyv.set(key, value, ttlMs);
        return true;
      });
      this.locks.set(key, next.catch(() => undefined));
      const won = await next;
      if (this.locks.get(key) === next) this.locks.delete(key);
      return won;
    } catch (err) {
      // Better a rare duplicate reply than none at all.
      this.logger.warn({ err: String(err), key }, 'store setIfAbsent failed; treating as first delivery');
      return true;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.keyv.delete(key);
    } catch (err) {
      this.logger.warn({ err: String(err), key }, 'store delete failed');
    }
  }

  async close(): Promise<void> {
    try {
      await this.keyv.disconnect();
    } catch {
      // closing a broken connection is not worth a log line
    }
  }
}

function openSqlite(url: string, logger: Logger): KeyValueStore {
  const file = url.slice('sqlite://'.length);
  if (file && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const keyv = new Keyv({ store: new KeyvSqlite({ uri: url, table: 'claimdesk' }), namespace: NAMESPACE });
  return new KeyvStore(keyv, logger, null);
}

function openRedis(url: string, logger: Logger): KeyValueStore {
  const adapter = new KeyvRedis(url, { throwOnConnectError: false, throwOnErrors: true, connectionTimeout: 2_000 });
  const keyv = new Keyv({ store: adapter, namespace: NAMESPACE, useKeyPrefix: false });
  const setNx = async (key: string, json: string, ttlMs: number): Promise<boolean> => {
    const client = await adapter.getClient();
    const res = await client.set(`${NAMESPACE}:once:${key}`, json, { NX: true, PX: Math.max(1, ttlMs) });
    return res === 'OK';
  };
  logger.info({ store: redact(url) }, 'using Redis store');
  return new KeyvStore(keyv, logger, setNx);
}

/** Opens the store named by STORE_URL: sqlite://file, redis://host:port, or memory://. */
export function openStore(url: string, logger: Logger): KeyValueStore {
  if (url.startsWith('memory://')) return new MemoryStore();
  if (url.startsWith('sqlite://')) return openSqlite(url, logger);
  return openRedis(url, logger);
}

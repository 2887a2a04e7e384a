/**
 * KeyValueStore over keyv: SQLite (one machine, the default) or Redis (several replicas).
 * A failing store degrades the bot (no cache, possible duplicate reply), never stops it.
 */
import { within } from '../model/within.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { redact } from '../model/config.js';
import type { KeyValueStore, Logger } from '../model/ports.js';
import { MemoryStore } from './memory-store.js';

const NAMESPACE = 'claimdesk';
/** A store call that takes longer than this is treated as failed: the reply must not wait on the cache. */
const OP_TIMEOUT_MS = 2_000;

const withTimeout = <T>(p: Promise<T>, what: string): Promise<T> => within(p, OP_TIMEOUT_MS, `store ${what}`);

export class KeyvStore implements KeyValueStore {
  /** Serialises setIfAbsent per key within this process (SQLite has one writer: this process). */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly keyv: Keyv,
    private readonly logger: Logger,
    /** Atomic once-markers across processes, when the backend has them (Redis SET NX). */
    private readonly atomic: {
      setNx(key: string, json: string, ttlMs: number): Promise<boolean>;
      release(key: string): Promise<void>;
    } | null,
    /** Waits for the backend connection (Redis); resolves at once for SQLite. */
    private readonly ready: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    keyv.on('error', (err: unknown) => this.logger.warn({ err: String(err) }, 'store error'));
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      return (
        (await withTimeout(
          this.ready().then(() => this.keyv.get<T>(key)),
          'get',
        )) ?? undefined
      );
    } catch (err) {
      this.logger.warn({ err: String(err), key }, 'store get failed; continuing without it');
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    try {
      await withTimeout(
        this.ready().then(() => this.keyv.set(key, value, ttlMs)),
        'set',
      );
    } catch (err) {
      this.logger.warn({ err: String(err), key }, 'store set failed; continuing without it');
    }
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    try {
      if (this.atomic) {
        return await withTimeout(this.atomic.setNx(key, JSON.stringify(value), ttlMs), 'setIfAbsent');
      }
      const prev = this.locks.get(key) ?? Promise.resolve();
      const next = prev.then(async () => {
        if ((await this.keyv.get(key)) !== undefined) return false;
        await this.keyv.set(key, value, ttlMs);
        return true;
      });
      const held = next.catch(() => undefined);
      this.locks.set(key, held);
      try {
        return await withTimeout(next, 'setIfAbsent');
      } finally {
        if (this.locks.get(key) === held) this.locks.delete(key);
      }
    } catch (err) {
      // Better a rare duplicate reply than none at all.
      this.logger.warn({ err: String(err), key }, 'store setIfAbsent failed; treating as first delivery');
      return true;
    }
  }

  /** Deletes a value or a once-marker (which lives in its own namespace on Redis). */
  async delete(key: string): Promise<void> {
    try {
      await withTimeout(
        this.ready().then(async () => {
          await this.keyv.delete(key);
          await this.atomic?.release(key);
        }),
        'delete',
      );
    } catch (err) {
      this.logger.warn({ err: String(err), key }, 'store delete failed');
    }
  }

  /** Open once-markers being checked in this process (for tests: must not grow without bound). */
  pendingLocks(): number {
    return this.locks.size;
  }

  async close(): Promise<void> {
    try {
      await withTimeout(this.keyv.disconnect(), 'close');
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
  // No offline queue: while Redis is away, calls fail at once (and degrade) instead of piling up.
  const adapter = new KeyvRedis(
    {
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2_000,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
      },
    },
    { throwOnConnectError: false, throwOnErrors: true, connectionTimeout: 2_000 },
  );
  const keyv = new Keyv({ store: adapter, namespace: NAMESPACE, useKeyPrefix: false });
  /**
   * One shared connection attempt: concurrent first calls must not each call connect() (the adapter
   * would tear the socket down), and with no offline queue a command must wait until the client is ready.
   */
  let connecting: ReturnType<typeof adapter.getClient> | null = null;
  const ready = () => {
    connecting ??= adapter.getClient().then(
      (client) =>
        new Promise<typeof client>((resolve) => {
          if ((client as { isReady?: boolean }).isReady) return resolve(client);
          const timer = setTimeout(() => resolve(client), 2_000);
          client.once('ready', () => {
            clearTimeout(timer);
            resolve(client);
          });
        }),
    );
    connecting.catch(() => {
      connecting = null;
    });
    return connecting;
  };
  // Connect now, so the first event does not pay for it.
  ready().catch(() => undefined);
  const onceKey = (key: string) => `${NAMESPACE}:once:${key}`;
  const atomic = {
    async setNx(key: string, json: string, ttlMs: number): Promise<boolean> {
      const client = await ready();
      const res = await client.set(onceKey(key), json, { NX: true, PX: Math.max(1, ttlMs) });
      return res === 'OK';
    },
    async release(key: string): Promise<void> {
      const client = await ready();
      await client.del(onceKey(key));
    },
  };
  logger.info({ store: redact(url) }, 'using Redis store');
  return new KeyvStore(keyv, logger, atomic, ready);
}

/** Opens the store named by STORE_URL: sqlite://file, redis://host:port, or memory://. */
export function openStore(url: string, logger: Logger): KeyValueStore {
  if (url.startsWith('memory://')) return new MemoryStore();
  if (url.startsWith('sqlite://')) return openSqlite(url, logger);
  return openRedis(url, logger);
}

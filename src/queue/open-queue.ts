/** Opens the job queue named by STORE_URL: redis(s):// → BullMQ, sqlite://file → SQLite, memory://. */
import type { Logger } from '../model/ports.js';
import { silentLogger } from '../logger.js';
import { BullQueue } from './bullmq-queue.js';
import { MemoryJobStore } from './memory-jobs.js';
import { NO_OBSERVER, resolveOptions } from './options.js';
import { PollingQueue } from './polling-queue.js';
import { SqliteJobStore } from './sqlite-jobs.js';
import type { JobQueue, QueueObserver, QueueOptions } from './types.js';

export interface OpenQueueOptions {
  options?: Partial<QueueOptions>;
  logger?: Logger;
  observer?: QueueObserver;
}

export async function openQueue(storeUrl: string, o: OpenQueueOptions = {}): Promise<JobQueue> {
  const opts = resolveOptions(o.options);
  const logger = o.logger ?? silentLogger;
  const observer = o.observer ?? NO_OBSERVER;
  if (/^rediss?:\/\//.test(storeUrl)) return new BullQueue(storeUrl, opts, logger, observer);
  if (storeUrl.startsWith('sqlite://')) {
    // The same file as the key-value store (keyv uses its own table in it).
    const store = await SqliteJobStore.open(storeUrl.slice('sqlite://'.length));
    return new PollingQueue(store, opts, logger, observer);
  }
  if (storeUrl.startsWith('memory://')) return new PollingQueue(new MemoryJobStore(), opts, logger, observer);
  throw new TypeError(`STORE_URL must start with sqlite://, redis://, rediss:// or memory://`);
}

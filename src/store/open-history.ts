/**
 * Opens the check history where STORE_URL puts the store and the queue: a `check_history` table in
 * the same SQLite file (sqlite://file), the replicas' Redis (redis://…), or memory (memory://).
 */
import { type HistoryStore, MemoryHistory } from '../model/history.js';
import type { Logger } from '../model/ports.js';
import { RedisHistory } from './redis-history.js';
import { SqliteHistory } from './sqlite-history.js';

export async function openHistory(storeUrl: string, logger: Logger): Promise<HistoryStore> {
  if (storeUrl.startsWith('memory://')) return new MemoryHistory();
  if (storeUrl.startsWith('sqlite://')) return SqliteHistory.open(storeUrl.slice('sqlite://'.length));
  if (/^rediss?:\/\//.test(storeUrl)) return new RedisHistory(storeUrl, logger);
  throw new TypeError('STORE_URL must start with sqlite://, redis://, rediss:// or memory://');
}

import { describe } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { MemoryJobStore } from '../../src/queue/memory-jobs.js';
import { NO_OBSERVER, resolveOptions } from '../../src/queue/options.js';
import { PollingQueue } from '../../src/queue/polling-queue.js';
import { queueContract, TEST_OPTIONS } from './contract.js';

describe('memory queue', () => {
  const stores = new Map<string, MemoryJobStore>();
  queueContract(async (name, opts) => {
    const store = stores.get(name) ?? new MemoryJobStore();
    stores.set(name, store);
    return new PollingQueue(store, resolveOptions({ ...TEST_OPTIONS, ...opts }), silentLogger, NO_OBSERVER);
  });
});

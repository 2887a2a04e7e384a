import { afterAll, beforeAll, describe } from 'vitest';
import { openQueue } from '../../src/queue/open-queue.js';
import { type RedisHandle, redisAvailable, startRedis } from '../helpers/redis.js';
import { queueContract, TEST_OPTIONS } from './contract.js';

let redis: RedisHandle;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

describe.runIf(redisAvailable())('BullMQ queue', () => {
  queueContract((name, opts) => openQueue(redis.url, { options: { ...TEST_OPTIONS, ...opts, name } }));
});

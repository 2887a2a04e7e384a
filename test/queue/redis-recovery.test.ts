/** RedisRecovery: after a connection error, a fresh client probes until Redis answers, then onBack runs once. */
import { describe, expect, it } from 'vitest';
import { isConnectionError, RedisRecovery } from '../../src/queue/redis-recovery.js';
import { redisAvailable, startRedis } from '../helpers/redis.js';
import { waitFor } from './contract.js';

describe('isConnectionError', () => {
  it('names lost connections, not a command’s own failure', () => {
    expect(isConnectionError(new Error('enqueue (Redis) failed: read ECONNRESET'))).toBe(true);
    expect(isConnectionError(new Error('Socket closed unexpectedly'))).toBe(true);
    expect(isConnectionError(new Error('The client is offline'))).toBe(true);
    expect(isConnectionError(new Error('connect ECONNREFUSED 127.0.0.1:6379'))).toBe(true);
    expect(isConnectionError(new Error('Missing lock for job 12. moveToFinished'))).toBe(false);
    expect(
      isConnectionError(new Error('WRONGTYPE Operation against a key holding the wrong kind of value')),
    ).toBe(false);
  });
});

describe.runIf(redisAvailable())('RedisRecovery on a real redis-server', () => {
  it('calls onBack only once Redis answers again, once per outage, and never after close', async () => {
    const redis = await startRedis();
    await redis.stop();
    let back = 0;
    const r = new RedisRecovery(
      `redis://127.0.0.1:${redis.port}`,
      () => {
        back += 1;
      },
      100,
    );
    r.outage();
    r.outage(); // one watch per outage
    await new Promise((res) => setTimeout(res, 600));
    expect(back).toBe(0);
    expect(r.watching).toBe(true);
    const again = await startRedis({ port: redis.port });
    await waitFor(() => back === 1, 5_000, 'onBack');
    expect(r.watching).toBe(false);
    await new Promise((res) => setTimeout(res, 300));
    expect(back).toBe(1);
    r.outage();
    await waitFor(() => back === 2, 5_000, 'onBack after a second outage');
    r.close();
    r.outage();
    await new Promise((res) => setTimeout(res, 300));
    expect(back).toBe(2);
    await again.stop();
  }, 30_000);
});

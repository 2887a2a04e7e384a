/** BullMQ on a real redis-server: a replica killed mid-job, and Redis itself stopped and restarted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependencyError } from '../../src/model/errors.js';
import { openQueue } from '../../src/queue/open-queue.js';
import type { JobQueue } from '../../src/queue/types.js';
import { type RedisHandle, redisAvailable, startRedis } from '../helpers/redis.js';
import { job, TEST_OPTIONS, waitFor } from './contract.js';
import { spawnChild } from './fixtures/spawn-child.js';

describe.runIf(redisAvailable())('BullMQ queue, failures', () => {
  let redis: RedisHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it('a replica killed with SIGKILL mid-job leaves its jobs to another replica, each run once', async () => {
    const name = `stall-${process.pid}`;
    const opts = { ...TEST_OPTIONS, name, lockMs: 1_000, stalledIntervalMs: 500 };
    const b = await openQueue(redis.url, { options: opts });
    const keys = Array.from({ length: 6 }, (_, i) => `slack:event:Stall${i}`);
    for (const k of keys) expect(await b.enqueue(job(k))).toBe(true);

    const a = spawnChild({
      STORE_URL: redis.url,
      QUEUE_NAME: name,
      COMPLETE: '0',
      CONCURRENCY: '3',
      LOCK_MS: '1000',
    });
    await a.waitForLines((l) => l.filter((x) => x.startsWith('took ')).length === 3);
    const stalled = a.took().map(([k]) => k);

    const runs = new Map<string, number>();
    const at: number[] = [];
    b.start(async (j) => {
      runs.set(j.key, (runs.get(j.key) ?? 0) + 1);
      at.push(Date.now());
    });
    // B takes the three A never touched, while A still holds its locks.
    await waitFor(() => runs.size === 3, 10_000, 'the untouched jobs');
    expect(stalled.some((k) => runs.has(k))).toBe(false);

    const killedAt = Date.now();
    a.proc.kill('SIGKILL');
    await a.exited;
    await waitFor(() => runs.size === 6, 15_000, 'the stalled jobs on replica B');
    const recoveredMs = Math.max(...at) - killedAt;
    await waitFor(async () => (await b.counts()).active === 0);
    await new Promise((r) => setTimeout(r, 600)); // one more stalled check: nothing runs twice
    expect([...runs.keys()].sort()).toEqual([...keys].sort());
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await b.counts()).toEqual({ queued: 0, active: 0, failed: 0 });
    console.info(
      `bullmq stalled recovery (lock 1000 ms, check 500 ms): 3 jobs rerun ${recoveredMs} ms after kill -9`,
    );
    await b.stop(1_000);
  }, 40_000);

  it('Redis stopped: enqueue rejects in bounded time with a DependencyError; after a restart all works again', async () => {
    const own = await startRedis();
    const refused: number[] = [];
    const observer = { retried() {}, failed() {}, refused: () => refused.push(1) };
    const q: JobQueue = await openQueue(own.url, {
      options: { ...TEST_OPTIONS, name: 'outage', enqueueTimeoutMs: 1_000 },
      observer,
    });
    const ran: string[] = [];
    q.start(async (j) => {
      ran.push(j.key);
    });
    expect(await q.enqueue(job('slack:event:Before'))).toBe(true);
    await waitFor(() => ran.includes('slack:event:Before'));

    await own.stop();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const t = Date.now();
        const err = await q.enqueue(job(`slack:event:Down${i}`)).then(
          () => null,
          (e: unknown) => e,
        );
        return { err, ms: Date.now() - t };
      }),
    );
    for (const { err, ms } of outcomes) {
      expect(err).toBeInstanceOf(DependencyError);
      expect((err as DependencyError).dependency).toBe('queue');
      expect((err as Error).message).toMatch(/^enqueue \(Redis\) failed: /);
      expect(ms).toBeLessThan(1_000 * 1.5); // the bound, never a hang
    }
    expect(refused).toHaveLength(5);
    await expect(q.counts()).rejects.toBeInstanceOf(DependencyError);
    console.info(`redis down: enqueue refused in ${outcomes.map((o) => o.ms).join(', ')} ms`);

    // Down for a while: the worker's client goes through several reconnect attempts meanwhile.
    await new Promise((r) => setTimeout(r, 2_500));
    const restarted = await startRedis({ port: own.port });
    const t0 = Date.now();
    let added = false;
    while (!added) {
      if (Date.now() - t0 > 15_000) throw new Error('enqueue did not recover within 15 s');
      added = await q.enqueue(job('slack:event:After')).catch(() => false);
      if (!added) await new Promise((r) => setTimeout(r, 100));
    }
    const enqueueBackMs = Date.now() - t0;
    await waitFor(() => ran.includes('slack:event:After'), 15_000, 'the worker to reconnect');
    console.info(
      `redis back: enqueue works after ${enqueueBackMs} ms, the worker ran a job after ${Date.now() - t0} ms`,
    );
    await q.stop(1_000);
    await restarted.stop();
  }, 40_000);

  it('Redis hanging (SIGSTOP): enqueue gives up at its bound instead of waiting; resumes after SIGCONT', async () => {
    const own = await startRedis();
    const q = await openQueue(own.url, { options: { ...TEST_OPTIONS, name: 'hang', enqueueTimeoutMs: 800 } });
    const ran: string[] = [];
    q.start(async (j) => {
      ran.push(j.key);
    });
    expect(await q.enqueue(job('slack:event:H0'))).toBe(true);
    process.kill(own.pid, 'SIGSTOP');
    try {
      const t = Date.now();
      const err = await q.enqueue(job('slack:event:H1')).catch((e: unknown) => e);
      const ms = Date.now() - t;
      expect(err).toBeInstanceOf(DependencyError);
      expect((err as Error).message).toContain('no answer within 800 ms');
      expect(ms).toBeGreaterThanOrEqual(790);
      expect(ms).toBeLessThan(800 * 1.5);
    } finally {
      process.kill(own.pid, 'SIGCONT');
    }
    // The refused call may still land once Redis answers: the platform's re-delivery is then a duplicate
    // (false, acknowledged) and the job runs once.
    await waitFor(() => ran.includes('slack:event:H1'), 10_000, 'the late add');
    expect(await q.enqueue(job('slack:event:H1'))).toBe(false);
    expect(await q.enqueue(job('slack:event:H2'))).toBe(true);
    await waitFor(() => ran.includes('slack:event:H2'));
    expect(ran.filter((k) => k === 'slack:event:H1')).toHaveLength(1);
    await q.stop(1_000);
    await own.stop();
  });

  it('a replica started while Redis is still down refuses at its bound, then works once Redis is up', async () => {
    const before = await startRedis();
    await before.stop();
    const q = await openQueue(before.url, {
      options: { ...TEST_OPTIONS, name: 'late', enqueueTimeoutMs: 500 },
    });
    const ran: string[] = [];
    q.start(async (j) => {
      ran.push(j.key);
    });
    const err = await q.enqueue(job('slack:event:Early')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DependencyError);
    const up = await startRedis({ port: before.port });
    await waitFor(
      async () => (await q.enqueue(job('slack:event:Up')).catch(() => null)) !== null,
      15_000,
      'enqueue once Redis is up',
    );
    await waitFor(() => ran.includes('slack:event:Up'), 15_000, 'the worker started before Redis');
    await q.stop(1_000);
    await up.stop();
  });
});

/**
 * The behaviour every JobQueue shares, run against memory, SQLite and BullMQ. `make(name)` opens a
 * queue on the storage called `name`: two calls with one name are two replicas (or a restart).
 */
import { expect, it } from 'vitest';
import { DependencyError } from '../../src/model/errors.js';
import type { JobData, JobQueue, QueueOptions } from '../../src/queue/types.js';

export type MakeQueue = (name: string, opts?: Partial<QueueOptions>) => Promise<JobQueue>;

/** Fast settings for tests; production defaults are in src/queue/options.ts. */
export const TEST_OPTIONS: Partial<QueueOptions> = {
  backoffMs: 100,
  pollMs: 20,
  lockMs: 1_000,
  stalledIntervalMs: 500,
  enqueueTimeoutMs: 1_000,
  attempts: 3,
};

let seq = 0;
export function job(key: string, over: Partial<JobData> = {}): JobData {
  seq += 1;
  return {
    platform: 'slack',
    kind: 'message',
    key,
    payload: { text: `message ${seq}`, n: seq },
    receivedAt: new Date().toISOString(),
    ...over,
  };
}

export async function waitFor(cond: () => boolean | Promise<boolean>, ms = 10_000, what = 'condition') {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let names = 0;
export function queueContract(make: MakeQueue): void {
  const fresh = () => `t${process.pid}-${Date.now()}-${++names}`;

  it('adds a key once, across two instances enqueuing it at the same moment, and runs it once', async () => {
    const name = fresh();
    const [a, b] = [await make(name), await make(name)];
    const added = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).enqueue(job('slack:event:Ev1'))),
    );
    expect(added.filter(Boolean)).toHaveLength(1);
    const runs: string[] = [];
    const handler = async (j: JobData) => {
      runs.push(j.key);
    };
    a.start(handler);
    b.start(handler);
    await waitFor(async () => runs.length === 1 && (await a.counts()).queued === 0, 10_000, 'the run');
    await waitFor(async () => (await a.counts()).active === 0, 10_000, 'completion');
    // Done within the dedupe window: a late re-delivery adds nothing either.
    expect(await b.enqueue(job('slack:event:Ev1'))).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toEqual(['slack:event:Ev1']);
    await Promise.all([a.stop(1_000), b.stop(1_000)]);
  });

  it('retries a failing job with a growing backoff, then succeeds', async () => {
    const q = await make(fresh());
    const tries: Array<{ attempt: number; at: number }> = [];
    q.start(async (_j, info) => {
      tries.push({ attempt: info.attempt, at: Date.now() });
      if (info.attempt < 3) throw new Error(`fetch failed (try ${info.attempt})`);
    });
    expect(await q.enqueue(job('slack:event:Retry'))).toBe(true);
    await waitFor(() => tries.length === 3, 10_000, 'three tries');
    await waitFor(async () => (await q.counts()).active === 0);
    expect(tries.map((t) => t.attempt)).toEqual([1, 2, 3]);
    const [t1, t2, t3] = tries.map((t) => t.at) as [number, number, number];
    expect(t2 - t1).toBeGreaterThanOrEqual(90); // backoffMs 100, timers may fire a little early
    expect(t3 - t2).toBeGreaterThan(t2 - t1); // 200 ms after 100 ms
    expect(await q.counts()).toEqual({ queued: 0, active: 0, failed: 0 });
    expect(await q.failed()).toEqual([]);
    await q.stop(1_000);
  });

  it('lands a job that exhausts its tries in the failed list; retry runs it again', async () => {
    const q = await make(fresh(), { attempts: 2, backoffMs: 20 });
    let broken = true;
    const seen: number[] = [];
    q.start(async (_j, info) => {
      seen.push(info.attempt);
      if (broken) throw new Error('Slack answered 500');
    });
    await q.enqueue(job('slack:event:Bad', { kind: 'edit' }));
    await waitFor(async () => (await q.counts()).failed === 1, 10_000, 'the failed list');
    const [f, ...rest] = await q.failed();
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ key: 'slack:event:Bad', platform: 'slack', kind: 'edit', attempts: 2 });
    expect(f?.error).toContain('Slack answered 500');
    expect(Number.isNaN(Date.parse(f?.failedAt ?? ''))).toBe(false);
    // A failed job still blocks its key: a re-delivery does not sneak around the failed list.
    expect(await q.enqueue(job('slack:event:Bad'))).toBe(false);
    expect(await q.retry('no-such-id')).toBe(false);
    broken = false;
    expect(await q.retry(f?.id ?? '')).toBe(true);
    expect(await q.retry(f?.id ?? '')).toBe(false); // no longer failed
    await waitFor(() => seen.length === 3, 10_000, 'the retried run');
    expect(seen).toEqual([1, 2, 1]);
    await waitFor(async () => (await q.counts()).failed === 0 && (await q.counts()).active === 0);
    await q.stop(1_000);
  });

  it('accepts the key in place of the id for retry', async () => {
    const q = await make(fresh(), { attempts: 1 });
    let runs = 0;
    q.start(async () => {
      runs += 1;
      if (runs === 1) throw new Error('boom');
    });
    await q.enqueue(job('discord:msg:C1:M1:abc', { platform: 'discord' }));
    await waitFor(async () => (await q.counts()).failed === 1);
    expect(await q.retry('discord:msg:C1:M1:abc')).toBe(true);
    await waitFor(() => runs === 2);
    await q.stop(1_000);
  });

  it('graceful stop: a running job finishes in time; one past the deadline is handed back and re-run', async () => {
    const name = fresh();
    const q = await make(name);
    const finished: string[] = [];
    let abortedSeen = false;
    q.start(async (j, info) => {
      if (j.key === 'slack:event:Slow') {
        await new Promise<void>((r) => info.signal.addEventListener('abort', () => r()));
        abortedSeen = info.signal.aborted;
        await new Promise((r) => setTimeout(r, 50));
        finished.push(`${j.key}@late`); // finishing after a hand-back must not count as done
        return;
      }
      await new Promise((r) => setTimeout(r, 150));
      finished.push(j.key);
    });
    await q.enqueue(job('slack:event:Quick'));
    await q.enqueue(job('slack:event:Slow'));
    await waitFor(async () => (await q.counts()).active === 2, 10_000, 'both running');
    await q.stop(600);
    expect(finished).toContain('slack:event:Quick');
    expect(abortedSeen).toBe(true);
    await expect(q.enqueue(job('slack:event:After'))).rejects.toBeInstanceOf(Error);

    const next = await make(name);
    const rerun: Array<{ key: string; attempt: number }> = [];
    next.start(async (j, info) => {
      rerun.push({ key: j.key, attempt: info.attempt });
    });
    await waitFor(() => rerun.length === 1, 10_000, 'the handed-back job');
    // The cut-short try does not count against its budget.
    expect(rerun).toEqual([{ key: 'slack:event:Slow', attempt: 1 }]);
    await new Promise((r) => setTimeout(r, 200));
    expect(rerun).toHaveLength(1);
    await next.stop(1_000);
  });

  it('refuses a job without a platform key, with a line naming it', async () => {
    const q = await make(fresh());
    await expect(q.enqueue(job('Ev123'))).rejects.toThrow(/job key must be "platform:…"/);
    await expect(q.enqueue(job('slack:x', { receivedAt: 'yesterday' }))).rejects.toThrow(/receivedAt/);
    await q.stop(100);
  });

  it('rejects enqueue once stopped, with a DependencyError', async () => {
    const q = await make(fresh());
    await q.stop(100);
    await expect(q.enqueue(job('slack:event:Late'))).rejects.toBeInstanceOf(DependencyError);
  });
}

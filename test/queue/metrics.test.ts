import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/model/config.js';
import { openQueue } from '../../src/queue/open-queue.js';
import { createQueueMetrics } from '../../src/queue/metrics.js';
import { job, TEST_OPTIONS, waitFor } from './contract.js';

function value(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no series ${name} in:\n${text}`);
  return Number(line.split(' ')[1]);
}

describe('queue metrics', () => {
  it('reports queued/active/failed from the queue and counts retries, failures and refusals', async () => {
    const registry = new Registry();
    const metrics = createQueueMetrics(registry);
    const q = await openQueue('memory://', {
      options: { ...TEST_OPTIONS, attempts: 2, backoffMs: 10 },
      observer: metrics.observer,
    });
    metrics.watch(q);
    await q.enqueue(job('slack:event:M1'));
    await q.enqueue(job('slack:event:M2'));
    let text = await registry.metrics();
    expect(value(text, 'claimdesk_jobs_queued')).toBe(2);
    expect(value(text, 'claimdesk_jobs_active')).toBe(0);

    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    q.start(async (j) => {
      if (j.key === 'slack:event:M1') throw new Error('fetch timeout');
      await held;
    });
    await waitFor(async () => (await q.counts()).failed === 1 && (await q.counts()).active === 1);
    text = await registry.metrics();
    expect(value(text, 'claimdesk_jobs_queued')).toBe(0);
    expect(value(text, 'claimdesk_jobs_active')).toBe(1);
    expect(value(text, 'claimdesk_jobs_failed')).toBe(1);
    expect(value(text, 'claimdesk_jobs_retried_total')).toBe(1);
    expect(value(text, 'claimdesk_jobs_failed_total')).toBe(1);
    expect(value(text, 'claimdesk_jobs_enqueue_refused_total')).toBe(0);
    release();
    await q.stop(1_000);
    await expect(q.enqueue(job('slack:event:M3'))).rejects.toThrow();
    text = await registry.metrics();
    expect(value(text, 'claimdesk_jobs_enqueue_refused_total')).toBe(1);
  });
});

describe('queue settings', () => {
  it('reads SHUTDOWN_TIMEOUT_MS and QUEUE_CONCURRENCY with defaults, and names a bad value', () => {
    expect(readConfig({}).shutdownTimeoutMs).toBe(20_000);
    expect(readConfig({}).queue.concurrency).toBe(4);
    const c = readConfig({ SHUTDOWN_TIMEOUT_MS: '5000', QUEUE_CONCURRENCY: '8' });
    expect([c.shutdownTimeoutMs, c.queue.concurrency]).toEqual([5_000, 8]);
    expect(() => readConfig({ QUEUE_CONCURRENCY: '0' })).toThrow(
      'QUEUE_CONCURRENCY must be between 1 and 256',
    );
    expect(() => readConfig({ SHUTDOWN_TIMEOUT_MS: '20s' })).toThrow(
      'SHUTDOWN_TIMEOUT_MS must be a whole number',
    );
  });
});

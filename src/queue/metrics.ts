/**
 * Queue metrics on a prom-client registry: jobs queued / active / failed (read from counts() at each
 * scrape), and counters of retries, jobs failed for good and enqueues refused during an outage.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { JobQueue, QueueCounts, QueueObserver } from './types.js';

export interface QueueMetrics {
  /** Pass to openQueue so the counters move. */
  observer: QueueObserver;
  /** Reads the gauges from this queue at each scrape. */
  watch(queue: JobQueue): void;
}

export function createQueueMetrics(registry: Registry): QueueMetrics {
  let queue: JobQueue | null = null;
  let last: QueueCounts = { queued: 0, active: 0, failed: 0 };
  let pending: Promise<QueueCounts> | null = null;
  // The three gauges are collected together: one counts() per scrape. While the queue's database is
  // down the last known values stay (the refusals counter tells the outage).
  const read = async (): Promise<QueueCounts> => {
    if (!queue) return last;
    pending ??= queue
      .counts()
      .then((c) => {
        last = c;
        return c;
      })
      .catch(() => last)
      .finally(() => {
        setImmediate(() => {
          pending = null;
        });
      });
    return pending;
  };
  const gauge = (name: string, help: string, pick: (c: QueueCounts) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(pick(await read()));
      },
    });
  gauge('claimdesk_jobs_queued', 'Jobs waiting to run, retries included', (c) => c.queued);
  gauge('claimdesk_jobs_active', 'Jobs running now, on every replica', (c) => c.active);
  gauge('claimdesk_jobs_failed', 'Jobs in the failed list (claimdesk jobs failed)', (c) => c.failed);
  const retried = new Counter({
    name: 'claimdesk_jobs_retried_total',
    help: 'Tries that failed and will run again after a backoff',
    registers: [registry],
  });
  const failedForGood = new Counter({
    name: 'claimdesk_jobs_failed_total',
    help: 'Jobs that exhausted their tries and went to the failed list',
    registers: [registry],
  });
  const refused = new Counter({
    name: 'claimdesk_jobs_enqueue_refused_total',
    help: 'Events not enqueued because the queue database was unavailable (the platform re-delivers them)',
    registers: [registry],
  });
  return {
    observer: {
      retried: () => retried.inc(),
      failed: () => failedForGood.inc(),
      refused: () => refused.inc(),
    },
    watch(q) {
      queue = q;
    },
  };
}

/**
 * JobQueue over a JobStore (memory or SQLite), for one machine: a loop takes due jobs up to
 * `concurrency`, each under a lease renewed while it runs. A process killed mid-job leaves a lease
 * that expires after lockMs (another process on the same file takes the job then), and the next
 * start on this machine takes it at once when the owner's pid is gone.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../model/ports.js';
import { DependencyError } from '../model/errors.js';
import type { JobStore, StoredJob } from './job-store.js';
import { ownerGone, ownerId } from './owner.js';
import { backoffDelay, bounded, settlesWithin, sleep, validateJob } from './options.js';
import type {
  FailedJob,
  JobData,
  JobHandler,
  JobQueue,
  QueueCounts,
  QueueObserver,
  QueueOptions,
} from './types.js';

interface Running {
  job: StoredJob;
  abort: AbortController;
  renew: NodeJS.Timeout;
  handedBack: boolean;
  done: Promise<void>;
}

const PURGE_EVERY_MS = 10 * 60_000;

export class PollingQueue implements JobQueue {
  private handler: JobHandler | null = null;
  private readonly running = new Map<string, Running>();
  private readonly owner = ownerId();
  private stopping = false;
  private stopped: Promise<void> | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private wake = new AbortController();
  private lastPurge = 0;
  private lastTakeWarning = 0;

  constructor(
    private readonly store: JobStore,
    private readonly opts: QueueOptions,
    private readonly logger: Logger,
    private readonly observer: QueueObserver,
    private readonly now: () => number = Date.now,
  ) {}

  async enqueue(job: JobData): Promise<boolean> {
    validateJob(job);
    try {
      if (this.stopping) throw new DependencyError('queue', 'enqueue failed: the job queue is stopping');
      const t = this.now();
      const added = await bounded(
        this.store.insert(job, t, t - this.opts.dedupeWindowMs),
        this.opts.enqueueTimeoutMs,
        'enqueue',
      );
      if (added) this.poke();
      return added;
    } catch (err) {
      this.observer.refused();
      throw err;
    }
  }

  start(handler: JobHandler): void {
    if (this.handler) throw new Error('the job queue is already started');
    if (this.stopping) throw new Error('the job queue is stopped; open a new one');
    this.handler = handler;
    this.loopDone = this.loop();
  }

  private poke(): void {
    this.wake.abort();
  }

  private async loop(): Promise<void> {
    try {
      const n = await this.store.reclaim(ownerGone);
      if (n > 0) this.logger.info({ jobs: n }, 'resuming jobs left running by a process that is gone');
    } catch (err) {
      this.logger.warn({ err: String(err) }, 'job queue could not look for abandoned jobs');
    }
    while (!this.stopping) {
      if (this.wake.signal.aborted) this.wake = new AbortController();
      try {
        await this.purge();
        while (!this.stopping && this.running.size < this.opts.concurrency) {
          const t = this.now();
          const job = await this.store.take(t, t + this.opts.lockMs, this.owner, randomUUID());
          if (!job) break;
          if (job.attempts > this.opts.attempts) {
            // Its last try was cut short by a dead process: do not start it past its budget.
            await this.store.fail(job.id, job.token, 'the process running its last try stopped', t);
            this.observer.failed();
            continue;
          }
          this.run(job);
        }
      } catch (err) {
        // Polled every pollMs: one line per 10 s while the database stays unavailable.
        if (this.now() - this.lastTakeWarning > 10_000) {
          this.lastTakeWarning = this.now();
          this.logger.warn({ err: String(err) }, 'job queue could not take jobs; trying again');
        }
      }
      if (!this.stopping) await sleep(this.opts.pollMs, this.wake.signal);
    }
  }

  private async purge(): Promise<void> {
    const t = this.now();
    if (t - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = t;
    await this.store.purge(t - this.opts.dedupeWindowMs, t - this.opts.failedKeepMs);
  }

  private run(job: StoredJob): void {
    const handler = this.handler;
    if (!handler) return;
    const abort = new AbortController();
    const renew = setInterval(
      () => {
        this.store
          .renew(job.id, job.token, this.now() + this.opts.lockMs)
          .then((ours) => {
            if (!ours) this.logger.warn({ job: job.id }, 'job lease lost: another worker may run it');
          })
          .catch((err) => this.logger.warn({ err: String(err), job: job.id }, 'job lease not renewed'));
      },
      Math.max(10, Math.floor(this.opts.lockMs / 3)),
    );
    renew.unref();
    const entry: Running = { job, abort, renew, handedBack: false, done: Promise.resolve() };
    entry.done = this.settle(entry, handler).finally(() => {
      clearInterval(renew);
      this.running.delete(job.id);
      this.poke();
    });
    this.running.set(job.id, entry);
  }

  private async settle(entry: Running, handler: JobHandler): Promise<void> {
    const { job } = entry;
    let error: unknown = null;
    try {
      await handler(job.data, { id: job.id, attempt: job.attempts, signal: entry.abort.signal });
    } catch (err) {
      error = err ?? new Error('job failed');
    }
    clearInterval(entry.renew);
    if (entry.handedBack) return;
    const t = this.now();
    const reason = error instanceof Error ? error.message : String(error);
    try {
      if (error === null) {
        await this.store.complete(job.id, job.token, t);
      } else if (job.attempts >= this.opts.attempts) {
        await this.store.fail(job.id, job.token, reason, t);
        this.observer.failed();
        this.logger.warn({ job: job.id, key: job.data.key, err: reason }, 'job failed for good');
      } else {
        const runAt = t + backoffDelay(this.opts.backoffMs, job.attempts);
        await this.store.later(job.id, job.token, runAt, reason);
        this.observer.retried();
        this.logger.info({ job: job.id, attempt: job.attempts, err: reason }, 'job failed; will retry');
      }
    } catch (err) {
      this.logger.warn({ err: String(err), job: job.id }, 'job outcome not recorded; it runs again');
    }
  }

  stop(deadlineMs: number): Promise<void> {
    this.stopped ??= this.shutdown(deadlineMs);
    return this.stopped;
  }

  private async shutdown(deadlineMs: number): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.loopDone;
    const all = Promise.allSettled([...this.running.values()].map((e) => e.done));
    if (!(await settlesWithin(all, deadlineMs))) {
      const left = [...this.running.values()];
      for (const e of left) {
        e.handedBack = true;
        clearInterval(e.renew);
        e.abort.abort(new Error('handed back at shutdown'));
        try {
          await this.store.release(e.job.id, e.job.token, this.now());
        } catch (err) {
          this.logger.warn(
            { err: String(err), job: e.job.id },
            'job not handed back; it runs after its lease',
          );
        }
      }
      this.logger.info({ jobs: left.length }, 'jobs still running at the deadline were handed back');
    }
    await this.store.close();
  }

  failed(limit = 50): Promise<FailedJob[]> {
    return bounded(this.store.failed(limit), this.opts.enqueueTimeoutMs, 'listing failed jobs');
  }

  async retry(id: string): Promise<boolean> {
    const ok = await bounded(this.store.retry(id, this.now()), this.opts.enqueueTimeoutMs, 'retry');
    if (ok) this.poke();
    return ok;
  }

  counts(): Promise<QueueCounts> {
    return bounded(this.store.counts(), this.opts.enqueueTimeoutMs, 'counting jobs');
  }
}

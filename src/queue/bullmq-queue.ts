/**
 * JobQueue on BullMQ (Redis), for several replicas. The job id is the event's key (encoded), so a
 * re-delivery on any replica adds nothing; finished jobs are kept for the dedupe window and failed
 * ones for failedKeepMs.
 *
 * Crashes: a worker renews its job's lock every lockMs / 3; when it dies, the lock expires after
 * lockMs and another replica's stalled check (every stalledIntervalMs) puts the job back in the
 * queue. A job recovered more than maxStalls times fails (a poison message must not loop).
 *
 * Redis outage: enqueue uses a connection without an offline queue, so a call fails at once (or
 * after enqueueTimeoutMs at worst) with a DependencyError; the chat adapter then does not
 * acknowledge and the platform delivers the event again. Nothing is buffered in memory. The
 * worker's connection reconnects by itself (backoff up to 2 s) and takes jobs again when Redis is
 * back. Durability across a Redis restart needs Redis persistence (appendonly yes).
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { type Job, Queue, WaitingError, Worker } from 'bullmq';
import { redact } from '../model/config.js';
import type { Logger } from '../model/ports.js';
import { DependencyError } from '../model/errors.js';
import { failedJobs, jobCounts, retryJob, type Stored } from './bullmq-admin.js';
import { bounded, encodeKey, settlesWithin, validateJob } from './options.js';
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
  job: Job<Stored>;
  token: string;
  abort: AbortController;
  handBack: () => void;
  handedBack: boolean;
}

type RawClient = ReturnType<typeof createClient>;

const PREFIX = 'claimdesk';
const reconnect = (times: number) => Math.min(100 * 2 ** times, 2_000);

export class BullQueue implements JobQueue {
  private readonly queue: Queue<Stored>;
  private readonly producer: RawClient;
  private readonly admin: Queue<Stored>;
  private readonly adminClient: RawClient;
  private worker: Worker<Stored> | null = null;
  private consumer: RawClient | null = null;
  private readonly running = new Map<string, Running>();
  private stopped: Promise<void> | null = null;
  private lastError = { message: '', at: 0 };

  constructor(
    private readonly url: string,
    private readonly opts: QueueOptions,
    private readonly logger: Logger,
    private readonly observer: QueueObserver,
  ) {
    // node-redis clients (the driver the store already uses; BullMQ 6 drives it without ioredis).
    // Enqueue's client has no offline queue: while Redis is away its calls fail at once.
    this.producer = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: opts.enqueueTimeoutMs, reconnectStrategy: reconnect },
    });
    this.queue = new Queue<Stored>(opts.name, {
      prefix: PREFIX,
      connection: this.producer,
      defaultJobOptions: {
        attempts: opts.attempts,
        backoff: { type: 'exponential', delay: opts.backoffMs },
        removeOnComplete: { age: Math.ceil(opts.dedupeWindowMs / 1000) },
        removeOnFail: { age: Math.ceil(opts.failedKeepMs / 1000) },
      },
    });
    this.queue.on('error', (err) => this.warn(err, 'job queue (Redis) error'));
    // Counting (readiness, metrics) and the failed list on a connection of their own: a readiness
    // probe during an outage must not leave the enqueue connection unable to come back.
    this.adminClient = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: opts.enqueueTimeoutMs, reconnectStrategy: reconnect },
    });
    this.admin = new Queue<Stored>(opts.name, { prefix: PREFIX, connection: this.adminClient });
    this.admin.on('error', (err) => this.warn(err, 'job queue (Redis) error'));
  }

  /** One line per distinct error every 10 s: a Redis outage must not flood the log. */
  private warn(err: unknown, msg: string): void {
    const message = err instanceof Error ? err.message : String(err);
    const now = Date.now();
    if (message === this.lastError.message && now - this.lastError.at < 10_000) return;
    this.lastError = { message, at: now };
    this.logger.warn({ err: message, queue: redact(this.url) }, msg);
  }

  async enqueue(job: JobData): Promise<boolean> {
    validateJob(job);
    const id = encodeKey(job.key);
    const token = randomUUID();
    try {
      if (this.stopped) throw new DependencyError('queue', 'enqueue failed: the job queue is stopping');
      return await bounded(
        (async () => {
          await this.queue.add(job.kind, { job, token }, { jobId: id });
          // A duplicate add returns the id too: the stored token tells whose add made the job.
          const stored = await this.queue.getJob(id);
          return (stored?.data as Stored | undefined)?.token === token;
        })(),
        this.opts.enqueueTimeoutMs,
        'enqueue (Redis)',
      );
    } catch (err) {
      this.observer.refused();
      throw err;
    }
  }

  start(handler: JobHandler): void {
    if (this.worker) throw new Error('the job queue is already started');
    if (this.stopped) throw new Error('the job queue is stopped; open a new one');
    // The worker's client keeps its offline queue: it waits for Redis to come back, then goes on.
    this.consumer = createClient({ url: this.url, socket: { reconnectStrategy: reconnect } });
    this.worker = new Worker<Stored>(this.opts.name, (job, token) => this.process(job, token, handler), {
      prefix: PREFIX,
      connection: this.consumer,
      concurrency: this.opts.concurrency,
      lockDuration: this.opts.lockMs,
      lockRenewTime: Math.max(10, Math.floor(this.opts.lockMs / 3)),
      stalledInterval: this.opts.stalledIntervalMs,
      maxStalledCount: this.opts.maxStalls,
    });
    this.worker.on('error', (err) => this.warn(err, 'job worker (Redis) error; reconnecting'));
  }

  private async process(job: Job<Stored>, token: string | undefined, handler: JobHandler): Promise<void> {
    const id = job.id ?? '';
    let handBack = () => {};
    const handedBack = new Promise<void>((resolve) => {
      handBack = resolve;
    });
    const entry: Running = {
      job,
      token: token ?? '',
      abort: new AbortController(),
      handBack,
      handedBack: false,
    };
    this.running.set(id, entry);
    const attempt = job.attemptsMade + 1;
    try {
      await Promise.race([handler(job.data.job, { id, attempt, signal: entry.abort.signal }), handedBack]);
    } catch (err) {
      if (entry.handedBack) throw new WaitingError();
      const reason = err instanceof Error ? err.message : String(err);
      if (attempt < (job.opts.attempts ?? 1)) {
        this.observer.retried();
        this.logger.info({ job: id, attempt, err: reason }, 'job failed; will retry');
      } else {
        this.observer.failed();
        this.logger.warn({ job: id, key: job.data.job.key, err: reason }, 'job failed for good');
      }
      throw err;
    } finally {
      this.running.delete(id);
    }
    // Moved back to the queue at a shutdown deadline: tell BullMQ the job is no longer ours.
    if (entry.handedBack) throw new WaitingError();
  }

  stop(deadlineMs: number): Promise<void> {
    this.stopped ??= this.shutdown(deadlineMs);
    return this.stopped;
  }

  private async shutdown(deadlineMs: number): Promise<void> {
    const worker = this.worker;
    if (worker) {
      const closing = worker.close().catch((err) => this.warn(err, 'job worker did not close cleanly'));
      if (!(await settlesWithin(closing, deadlineMs))) {
        const left = [...this.running.values()];
        for (const e of left) {
          e.handedBack = true;
          e.abort.abort(new Error('handed back at shutdown'));
          try {
            await bounded(e.job.moveToWait(e.token), this.opts.enqueueTimeoutMs, 'hand back');
          } catch (err) {
            this.warn(err, 'job not handed back; another worker takes it once its lock expires');
          }
          e.handBack();
        }
        this.logger.info({ jobs: left.length }, 'jobs still running at the deadline were handed back');
        await settlesWithin(closing, this.opts.enqueueTimeoutMs);
      }
    }
    await settlesWithin(this.queue.close(), this.opts.enqueueTimeoutMs);
    await settlesWithin(this.admin.close(), this.opts.enqueueTimeoutMs);
    // Clients passed in are not closed by BullMQ.
    for (const c of [this.producer, this.adminClient, this.consumer]) {
      if (c?.isOpen) c.destroy();
    }
  }

  failed(limit = 50): Promise<FailedJob[]> {
    return failedJobs(this.admin, limit, this.opts.enqueueTimeoutMs);
  }

  retry(idOrKey: string): Promise<boolean> {
    return retryJob(this.admin, idOrKey, this.opts.enqueueTimeoutMs);
  }

  counts(): Promise<QueueCounts> {
    return jobCounts(this.admin, this.opts.enqueueTimeoutMs);
  }
}

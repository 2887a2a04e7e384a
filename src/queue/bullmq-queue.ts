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
 * worker's connection reconnects by itself (backoff up to 2 s); and because BullMQ's node-redis
 * connections were seen to stay broken after a Redis restart under load, any connection error also
 * starts a RedisRecovery probe: once a fresh client's PING answers, the queue opens a new set of
 * connections (and a new worker) and closes the old ones. Durability across a Redis restart needs
 * Redis persistence (appendonly yes).
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { type Job, Queue, WaitingError, Worker } from 'bullmq';
import { redact } from '../model/config.js';
import { isConnectionError, RedisRecovery } from './redis-recovery.js';
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

/** One set of connections; replaced as a whole when Redis comes back after an outage. */
interface Connections {
  producer: RawClient;
  queue: Queue<Stored>;
  adminClient: RawClient;
  admin: Queue<Stored>;
  consumer: RawClient | null;
  worker: Worker<Stored> | null;
}

export class BullQueue implements JobQueue {
  private c: Connections;
  private handler: JobHandler | null = null;
  private readonly recovery: RedisRecovery;
  private readonly running = new Map<string, Running>();
  private stopped: Promise<void> | null = null;
  private lastError = { message: '', at: 0 };

  constructor(
    private readonly url: string,
    private readonly opts: QueueOptions,
    private readonly logger: Logger,
    private readonly observer: QueueObserver,
  ) {
    this.recovery = new RedisRecovery(url, () => this.reopen());
    this.c = this.connect();
  }

  /** A fresh set of connections (with a worker when the queue is started). */
  private connect(): Connections {
    const { url, opts } = this;
    // Errors of a set already replaced are no news; those of the current set start the probe.
    const failed = (err: unknown, msg: string) => {
      this.warn(err, msg);
      if (this.c === conns && isConnectionError(err)) this.recovery.outage();
    };
    // node-redis clients (the driver the store already uses; BullMQ 6 drives it without ioredis).
    // Enqueue's client has no offline queue: while Redis is away its calls fail at once.
    const producer: RawClient = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: opts.enqueueTimeoutMs, reconnectStrategy: reconnect },
    });
    const queue = new Queue<Stored>(opts.name, {
      prefix: PREFIX,
      connection: producer,
      defaultJobOptions: {
        attempts: opts.attempts,
        backoff: { type: 'exponential', delay: opts.backoffMs },
        removeOnComplete: { age: Math.ceil(opts.dedupeWindowMs / 1000) },
        removeOnFail: { age: Math.ceil(opts.failedKeepMs / 1000) },
      },
    });
    queue.on('error', (err) => failed(err, 'job queue (Redis) error'));
    // Counting (readiness, metrics) and the failed list on a connection of their own: a readiness
    // probe during an outage must not leave the enqueue connection unable to come back.
    const adminClient: RawClient = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: opts.enqueueTimeoutMs, reconnectStrategy: reconnect },
    });
    const admin = new Queue<Stored>(opts.name, { prefix: PREFIX, connection: adminClient });
    admin.on('error', (err) => failed(err, 'job queue (Redis) error'));
    const conns: Connections = { producer, queue, adminClient, admin, consumer: null, worker: null };
    if (this.handler) this.openWorker(conns, this.handler);
    return conns;
  }

  /** The set's worker (its own client: blocking reads need one). */
  private openWorker(conns: Connections, handler: JobHandler): void {
    const { url, opts } = this;
    // The worker's client keeps its offline queue: it waits for Redis to come back, then goes on.
    conns.consumer = createClient({ url, socket: { reconnectStrategy: reconnect } });
    conns.worker = new Worker<Stored>(opts.name, (job, token) => this.process(job, token, handler), {
      prefix: PREFIX,
      connection: conns.consumer,
      concurrency: opts.concurrency,
      lockDuration: opts.lockMs,
      lockRenewTime: Math.max(10, Math.floor(opts.lockMs / 3)),
      stalledInterval: opts.stalledIntervalMs,
      maxStalledCount: opts.maxStalls,
    });
    const worker = conns.worker;
    worker.on('error', (err) => {
      this.warn(err, 'job worker (Redis) error; reconnecting');
      if (this.c !== conns || !isConnectionError(err)) return;
      // BullMQ takes only ECONNREFUSED and "Connection is closed" for connection errors: on any
      // other (ECONNRESET, "Socket closed unexpectedly") its fetch loop tries again at once, and the
      // rejections come back at once, which starves the event loop (even /healthz stops answering).
      // So this worker pauses here (its error comes synchronously from that loop, which then sees it
      // paused; closing it now would drop BullMQ's error listeners while its sockets still fail, and
      // an 'error' with no listener ends the process), and RedisRecovery opens a new one, and closes
      // this one, when Redis answers again.
      void worker.pause(true).catch(() => {});
      this.recovery.outage();
    });
  }

  /**
   * Redis answers again after an outage: a new set of connections takes over. The old set is not
   * closed through BullMQ: closing drops BullMQ's error listeners while a broken socket may still
   * fail, and an 'error' with no listener ends the process. Its clients are destroyed instead (their
   * errors still reach the listeners above, which ignore a replaced set); its worker stays paused,
   * and a job it was running is recovered as stalled and runs again (the post step's record keeps it
   * from answering twice). What stays behind is the paused worker's own blocking connection.
   */
  private async reopen(): Promise<void> {
    if (this.stopped) return;
    const old = this.c;
    this.c = this.connect();
    this.logger.info(
      { queue: redact(this.url) },
      'Redis answers again: the job queue opened new connections',
    );
    if (old.worker) await old.worker.pause(true).catch(() => {});
    this.destroyClients(old);
  }

  private destroyClients(c: Connections): void {
    for (const client of [c.producer, c.adminClient, c.consumer]) {
      if (client?.isOpen) client.destroy();
    }
  }

  /** At shutdown: the set in use, through BullMQ, then its clients (BullMQ does not close those). */
  private async close(c: Connections): Promise<void> {
    const t = this.opts.enqueueTimeoutMs;
    await settlesWithin(c.queue.close(), t);
    await settlesWithin(c.admin.close(), t);
    this.destroyClients(c);
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
          const { queue } = this.c;
          await queue.add(job.kind, { job, token }, { jobId: id });
          // A duplicate add returns the id too: the stored token tells whose add made the job.
          const stored = await queue.getJob(id);
          return (stored?.data as Stored | undefined)?.token === token;
        })(),
        this.opts.enqueueTimeoutMs,
        'enqueue (Redis)',
      );
    } catch (err) {
      this.observer.refused();
      if (isConnectionError(err)) this.recovery.outage();
      throw err;
    }
  }

  start(handler: JobHandler): void {
    if (this.handler) throw new Error('the job queue is already started');
    if (this.stopped) throw new Error('the job queue is stopped; open a new one');
    this.handler = handler;
    // The set in use gets its worker now; a set opened after an outage gets its own in connect().
    this.openWorker(this.c, handler);
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
    this.recovery.close();
    const worker = this.c.worker;
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
    await this.close(this.c);
  }

  failed(limit = 50): Promise<FailedJob[]> {
    return failedJobs(this.c.admin, limit, this.opts.enqueueTimeoutMs);
  }

  retry(idOrKey: string): Promise<boolean> {
    return retryJob(this.c.admin, idOrKey, this.opts.enqueueTimeoutMs);
  }

  counts(): Promise<QueueCounts> {
    return jobCounts(this.c.admin, this.opts.enqueueTimeoutMs);
  }
}

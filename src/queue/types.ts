/**
 * The job queue port: every chat event becomes one job, stored before the event is acknowledged, so
 * a crash, deploy or OOM does not drop it. Three implementations behind one interface: memory (tests,
 * `memory://`), SQLite (the embedded default, one machine) and BullMQ (Redis, several replicas).
 */

export interface JobData {
  platform: 'slack' | 'discord' | 'api';
  /** What the job does, e.g. `message`, `edit`, `command`, `button`. */
  kind: string;
  /** Platform identity, e.g. `slack:event:Ev123` or `discord:msg:chan:msg:linkhash`: one job per key. */
  key: string;
  payload: unknown;
  /** When the platform event arrived (ISO 8601). */
  receivedAt: string;
}

export interface FailedJob {
  /** What `retry` and `claimdesk jobs retry` take (the job's key is accepted too). */
  id: string;
  key: string;
  platform: string;
  kind: string;
  attempts: number;
  error: string;
  failedAt: string;
}

export interface JobInfo {
  id: string;
  /** 1 on the first try. */
  attempt: number;
  /** Aborted when a graceful stop hands the job back at its deadline: stop work, the job runs again. */
  signal: AbortSignal;
}

export type JobHandler = (job: JobData, info: JobInfo) => Promise<void>;

export interface QueueCounts {
  /** Waiting to run, including jobs waiting for a retry. */
  queued: number;
  active: number;
  failed: number;
}

export interface JobQueue {
  /**
   * Durably adds the job unless one with the same key was added before (pending, running, done within
   * the dedupe window, or failed): true when added, false for a duplicate. Resolves only once the job
   * is stored, so the caller may then acknowledge the platform event; rejects with a DependencyError
   * (after at most `enqueueTimeoutMs`) when the queue's database is unavailable, so the caller does
   * not acknowledge and the platform delivers the event again.
   */
  enqueue(job: JobData): Promise<boolean>;
  /**
   * Starts taking jobs (`concurrency` at once). A handler that rejects is retried with exponential
   * backoff up to `attempts` tries; then the job lands in the failed list.
   */
  start(handler: JobHandler): void;
  /**
   * Graceful stop: take no new jobs, wait for running ones up to deadlineMs, hand the rest back (their
   * signal is aborted; they run again in this or another process), close connections.
   */
  stop(deadlineMs: number): Promise<void>;
  /** Jobs that exhausted their tries, newest first. */
  failed(limit?: number): Promise<FailedJob[]>;
  /** Queues a failed job again with a fresh budget of tries: false when no failed job has that id. */
  retry(id: string): Promise<boolean>;
  counts(): Promise<QueueCounts>;
}

/** Told about what the metrics count (src/queue/metrics.ts). */
export interface QueueObserver {
  /** A try failed and the job will run again after its backoff. */
  retried(): void;
  /** A job exhausted its tries and went to the failed list. */
  failed(): void;
  /** enqueue was refused because the queue's database was unavailable. */
  refused(): void;
}

export interface QueueOptions {
  /** Jobs run at once by this process (QUEUE_CONCURRENCY). */
  concurrency: number;
  /** Tries per job before it lands in the failed list. */
  attempts: number;
  /** Delay before the first retry; doubles on each further one (2 s, 4 s, 8 s, 16 s by default). */
  backoffMs: number;
  /** How long a finished job's key is remembered, so a late re-delivery adds nothing. */
  dedupeWindowMs: number;
  /** How long failed jobs are kept for `jobs failed` / `jobs retry`. */
  failedKeepMs: number;
  /**
   * How long a taken job stays owned without renewal (BullMQ lockDuration, the SQLite lease). The
   * owner renews it every third of this while the handler runs; when the owner dies (kill -9), the
   * job is taken again once this has passed.
   */
  lockMs: number;
  /** BullMQ: how often each worker looks for jobs whose lock expired (stalledInterval). */
  stalledIntervalMs: number;
  /** BullMQ: times a job may be recovered from a dead worker before it fails (maxStalledCount). */
  maxStalls: number;
  /** Bound on enqueue (and admin calls) while the database does not answer. */
  enqueueTimeoutMs: number;
  /** SQLite and memory: how often an idle worker looks for due jobs. */
  pollMs: number;
  /** BullMQ queue name (keys live under `claimdesk:<name>:*`). */
  name: string;
}

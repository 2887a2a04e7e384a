/** Defaults and small helpers shared by the queue implementations. */
import { TimeoutError, within } from '../model/within.js';
import { DependencyError } from '../model/errors.js';
import type { JobData, QueueOptions } from './types.js';

const DAY_MS = 86_400_000;

/**
 * Production defaults. A worker that dies leaves its job locked for at most lockMs (20 s); other
 * replicas look every stalledIntervalMs (10 s), so the job runs again within about 30 s. The lock is
 * renewed every lockMs / 3 while the job runs, so only an event loop blocked for more than ~13 s could
 * make a live job look dead (it would then run twice; the post step is idempotent).
 */
export const DEFAULT_QUEUE_OPTIONS: Readonly<QueueOptions> = Object.freeze({
  concurrency: 4,
  attempts: 5,
  backoffMs: 2_000,
  dedupeWindowMs: 7 * DAY_MS,
  failedKeepMs: 30 * DAY_MS,
  lockMs: 20_000,
  stalledIntervalMs: 10_000,
  maxStalls: 2,
  enqueueTimeoutMs: 2_000,
  pollMs: 250,
  name: 'checks',
});

export function resolveOptions(opts: Partial<QueueOptions> = {}): QueueOptions {
  const o = { ...DEFAULT_QUEUE_OPTIONS, ...opts };
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number' && !(Number.isFinite(v) && v >= 0)) {
      throw new RangeError(`queue option ${k} must be a number ≥ 0, got ${v}`);
    }
  }
  if (o.concurrency < 1 || o.attempts < 1) throw new RangeError('queue concurrency and attempts must be ≥ 1');
  return o;
}

/** Delay before try `attempt + 1` after try `attempt` failed: backoffMs, then doubling. */
export function backoffDelay(backoffMs: number, attempt: number): number {
  return backoffMs * 2 ** Math.max(0, attempt - 1);
}

/**
 * A job id from a key. BullMQ refuses ':' in custom ids, so '%' and ':' are percent-encoded (one-to-one:
 * two keys never share an id). Keys always contain ':' (platform first), so an id never looks like an
 * integer, which BullMQ refuses as well.
 */
export function encodeKey(key: string): string {
  return key.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** Refuses a job that could not be deduplicated or stored, with a line naming the field. */
export function validateJob(job: JobData): void {
  if (typeof job.key !== 'string' || !/^[a-z]+:\S+$/.test(job.key) || job.key.length > 500) {
    throw new TypeError(
      `job key must be "platform:…" without spaces (at most 500 characters), got ${JSON.stringify(job.key)}`,
    );
  }
  if (!['slack', 'discord', 'api'].includes(job.platform)) {
    throw new TypeError(`job platform must be slack, discord or api, got ${JSON.stringify(job.platform)}`);
  }
  if (typeof job.kind !== 'string' || !job.kind) throw new TypeError('job kind must be a non-empty string');
  if (Number.isNaN(Date.parse(job.receivedAt))) {
    throw new TypeError(`job receivedAt must be an ISO date, got ${JSON.stringify(job.receivedAt)}`);
  }
}

/**
 * Bounds a call to the queue's database: past `ms` (or on its own failure) it rejects with a
 * DependencyError naming what did not answer, so an event is not acknowledged on a hope.
 */
export async function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  try {
    return await within(p, ms, 'the answer');
  } catch (err) {
    if (err instanceof DependencyError) throw err;
    const reason =
      err instanceof TimeoutError
        ? `no answer within ${ms} ms`
        : err instanceof Error
          ? err.message
          : String(err);
    throw new DependencyError('queue', `${what} failed: ${reason}`, { cause: err });
  }
}

/** Resolves after ms, or at once when the signal is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Waits for p (its failure included) for at most ms: true when it settled in time. Leaves no timer. */
export async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const settled = p.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, sleep(ms, timer.signal).then(() => false)]);
  } finally {
    timer.abort();
  }
}

export const NO_OBSERVER = { retried() {}, failed() {}, refused() {} };

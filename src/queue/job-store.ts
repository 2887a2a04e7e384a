/**
 * The storage side of the polling queue (memory and SQLite): rows with a state, a try count, a due
 * time and a lease. Every write after `take` names the lease token, so a process that lost its lease
 * (it was presumed dead and another took the job) cannot overwrite the new owner's outcome.
 */
import type { FailedJob, JobData, QueueCounts } from './types.js';

export interface StoredJob {
  id: string;
  data: JobData;
  /** Tries started so far, this one included. */
  attempts: number;
  token: string;
}

export interface JobStore {
  /** Adds a pending job unless the key exists (a done job older than dedupeCutoff is replaced). */
  insert(job: JobData, now: number, dedupeCutoff: number): Promise<boolean>;
  /** Takes the next due job (pending and due, or running with an expired lease) and counts a try. */
  take(now: number, leaseUntil: number, owner: string, token: string): Promise<StoredJob | null>;
  /** Extends the lease: false when the job is no longer ours. */
  renew(id: string, token: string, leaseUntil: number): Promise<boolean>;
  complete(id: string, token: string, now: number): Promise<void>;
  /** A try failed: pending again at runAt. */
  later(id: string, token: string, runAt: number, error: string): Promise<void>;
  fail(id: string, token: string, error: string, now: number): Promise<void>;
  /** Handed back at a graceful stop: due at once, and the unfinished try is not counted. */
  release(id: string, token: string, now: number): Promise<void>;
  /** Makes running jobs whose owner process is gone due at once (kill -9, then a restart): how many. */
  reclaim(isGone: (owner: string) => boolean): Promise<number>;
  /** Forgets done jobs finished before doneBefore and failed ones before failedBefore. */
  purge(doneBefore: number, failedBefore: number): Promise<void>;
  failed(limit: number): Promise<FailedJob[]>;
  /** A failed job (by id or key) pending again with no tries counted. */
  retry(idOrKey: string, now: number): Promise<boolean>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

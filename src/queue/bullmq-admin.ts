/** The admin side of the BullMQ queue: the failed list, retry and counts, each bounded in time. */
import type { Queue } from 'bullmq';
import { bounded, encodeKey } from './options.js';
import type { FailedJob, JobData, QueueCounts } from './types.js';

/** What a BullMQ job carries: the job, and the token of the enqueue that stored it. */
export interface Stored {
  job: JobData;
  token: string;
}

export async function failedJobs(queue: Queue<Stored>, limit: number, ms: number): Promise<FailedJob[]> {
  const jobs = await bounded(queue.getFailed(0, limit - 1), ms, 'listing failed jobs');
  return jobs.map((j) => {
    const data = (j.data as Stored).job;
    return {
      id: j.id ?? '',
      key: data.key,
      platform: data.platform,
      kind: data.kind,
      attempts: j.attemptsMade,
      error: j.failedReason ?? '',
      failedAt: new Date(j.finishedOn ?? j.timestamp).toISOString(),
    };
  });
}

/** Takes the id shown by `jobs failed` or the job's key (keys contain ':', ids never do). */
export function retryJob(queue: Queue<Stored>, idOrKey: string, ms: number): Promise<boolean> {
  const id = idOrKey.includes(':') ? encodeKey(idOrKey) : idOrKey;
  return bounded(
    (async () => {
      const job = await queue.getJob(id);
      if (!job || (await job.getState()) !== 'failed') return false;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    })(),
    ms,
    'retry (Redis)',
  );
}

export async function jobCounts(queue: Queue<Stored>, ms: number): Promise<QueueCounts> {
  const c = await bounded(
    queue.getJobCounts('wait', 'delayed', 'prioritized', 'active', 'failed'),
    ms,
    'counting jobs (Redis)',
  );
  const n = (k: string) => c[k] ?? 0;
  return { queued: n('wait') + n('delayed') + n('prioritized'), active: n('active'), failed: n('failed') };
}

/**
 * `claimdesk jobs failed [--json] [--limit N]` and `claimdesk jobs retry ID`: the failed list of the
 * durable chat jobs, for admins. Opens only the queue named by STORE_URL, never the whole app.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../../model/config.js';
import { ConfigError, DependencyError } from '../../model/errors.js';
import { openQueue } from '../../queue/open-queue.js';
import type { JobQueue } from '../../queue/types.js';
import type { CliIO } from './io.js';

/** Opens the queue, runs `use` and closes it; ConfigError → 2, an unreachable queue → 1. */
async function withQueue(name: string, io: CliIO, use: (q: JobQueue) => Promise<number>): Promise<number> {
  let queue: JobQueue;
  try {
    const env = { ...io.env, STORE_URL: io.env.STORE_URL ?? 'sqlite://data/claimdesk.sqlite' };
    const config = readConfig(env);
    if (config.storeUrl.startsWith('memory://')) {
      io.stderr.write(`claimdesk ${name}: STORE_URL is memory://, which keeps no jobs between processes\n`);
      return 1;
    }
    queue = await openQueue(config.storeUrl);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`claimdesk: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`claimdesk ${name}: cannot open the job queue: ${String(err)}\n`);
    return 1;
  }
  try {
    return await use(queue);
  } catch (err) {
    if (!(err instanceof DependencyError)) throw err;
    io.stderr.write(`claimdesk ${name}: ${err.message}\n`);
    return 1;
  } finally {
    await queue.stop(0);
  }
}

export async function jobsFailed(args: string[], io: CliIO): Promise<number> {
  let values: { json?: boolean; limit?: string };
  try {
    ({ values } = parseArgs({ args, options: { json: { type: 'boolean' }, limit: { type: 'string' } } }));
  } catch (err) {
    io.stderr.write(`claimdesk jobs failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    io.stderr.write(`claimdesk jobs failed: --limit must be a whole number ≥ 1, got "${values.limit}"\n`);
    return 2;
  }
  return withQueue('jobs failed', io, async (queue) => {
    const [failed, counts] = [await queue.failed(limit), await queue.counts()];
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ counts, failed }, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(`Queued: ${counts.queued}  Active: ${counts.active}  Failed: ${counts.failed}\n`);
    for (const f of failed) {
      io.stdout.write(`${f.id}  ${f.failedAt}  ${f.platform} ${f.kind}  ${f.key}  (${f.attempts} tries)\n`);
      io.stdout.write(`    ${f.error.split('\n')[0]}\n`);
    }
    if (failed.length > 0) io.stdout.write('Run again with: claimdesk jobs retry ID\n');
    return 0;
  });
}

export async function jobsRetry(args: string[], io: CliIO): Promise<number> {
  const [id, ...extra] = args;
  if (!id || id.startsWith('-') || extra.length > 0) {
    io.stderr.write(
      'Usage: claimdesk jobs retry ID   (an id from `claimdesk jobs failed`, or the job key)\n',
    );
    return 2;
  }
  return withQueue('jobs retry', io, async (queue) => {
    if (!(await queue.retry(id))) {
      io.stderr.write(`claimdesk jobs retry: no failed job "${id}" (see claimdesk jobs failed)\n`);
      return 1;
    }
    io.stdout.write(`Job ${id} is queued again.\n`);
    return 0;
  });
}

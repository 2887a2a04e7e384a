import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueue } from '../../../src/queue/open-queue.js';
import type { FailedJob } from '../../../src/queue/types.js';
import { cli } from '../../helpers/cli.js';
import { type RedisHandle, redisAvailable, startRedis } from '../../helpers/redis.js';
import { job, TEST_OPTIONS, waitFor } from '../../queue/contract.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-jobs-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Leaves one failed job (and one done) in the queue at storeUrl, as a running bot would. */
async function seedFailed(storeUrl: string): Promise<void> {
  const q = await openQueue(storeUrl, { options: { ...TEST_OPTIONS, attempts: 2, backoffMs: 10 } });
  q.start(async (j) => {
    if (j.key.includes('Bad')) throw new Error('chat.postMessage answered 500 (internal_error)');
  });
  await q.enqueue(job('slack:event:Good'));
  await q.enqueue(job('slack:event:Bad', { kind: 'command' }));
  await waitFor(async () => (await q.counts()).failed === 1 && (await q.counts()).active === 0);
  await q.stop(1_000);
}

function cases(storeUrl: () => string) {
  it('lists the failed job as JSON, retries it by id, and refuses an id that is not failed', async () => {
    await seedFailed(storeUrl());
    const env = { STORE_URL: storeUrl() };
    const listed = await cli(['jobs', 'failed', '--json'], env);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const out = JSON.parse(listed.stdout) as { counts: unknown; failed: FailedJob[] };
    expect(out.counts).toEqual({ queued: 0, active: 0, failed: 1 });
    expect(out.failed).toHaveLength(1);
    const [f] = out.failed;
    expect(f).toMatchObject({ key: 'slack:event:Bad', platform: 'slack', kind: 'command', attempts: 2 });
    expect(f?.error).toBe('chat.postMessage answered 500 (internal_error)');

    const text = await cli(['jobs', 'failed'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${f?.id}  `);
    expect(text.stdout).toContain('chat.postMessage answered 500');

    const retried = await cli(['jobs', 'retry', f?.id ?? ''], env);
    expect(retried).toMatchObject({ code: 0, stdout: `Job ${f?.id} is queued again.\n` });
    const again = await cli(['jobs', 'retry', f?.id ?? ''], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`claimdesk jobs retry: no failed job "${f?.id}" (see claimdesk jobs failed)\n`);
    const after = JSON.parse((await cli(['jobs', 'failed', '--json'], env)).stdout) as { counts: unknown };
    expect(after.counts).toEqual({ queued: 1, active: 0, failed: 0 });
  });
}

describe('claimdesk jobs (SQLite)', () => {
  cases(() => `sqlite://${join(dir, 'claimdesk.sqlite')}`);

  it('answers usage errors with 2 and a memory store with 1', async () => {
    expect((await cli(['jobs', 'retry'])).code).toBe(2);
    expect((await cli(['jobs', 'retry', 'a', 'b'])).code).toBe(2);
    expect((await cli(['jobs', 'failed', '--bogus'])).code).toBe(2);
    expect((await cli(['jobs', 'failed', '--limit', '0'])).stderr).toContain(
      '--limit must be a whole number',
    );
    const bare = await cli(['jobs']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('claimdesk jobs failed [--json] [--limit N]');
    expect(bare.stderr).toContain('claimdesk jobs retry ID');
    const mem = await cli(['jobs', 'failed'], { STORE_URL: 'memory://' });
    expect(mem.code).toBe(1);
    expect(mem.stderr).toContain('memory://');
    expect((await cli(['jobs', 'failed'], { STORE_URL: 'ftp://x' })).code).toBe(2);
  });
});

describe.runIf(redisAvailable())('claimdesk jobs (Redis)', () => {
  let redis: RedisHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());
  cases(() => redis.url);

  it('exits 1 with a line when Redis does not answer', async () => {
    const down = await startRedis();
    await down.stop();
    const r = await cli(['jobs', 'failed'], { STORE_URL: down.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^claimdesk jobs failed: listing failed jobs failed: /);
  });
});

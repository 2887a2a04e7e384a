import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { openQueue } from '../../src/queue/open-queue.js';
import { openStore } from '../../src/store/keyv-store.js';
import { job, queueContract, TEST_OPTIONS } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite queue', () => {
  queueContract((name, opts) =>
    openQueue(`sqlite://${join(dir, name, 'claimdesk.sqlite')}`, { options: { ...TEST_OPTIONS, ...opts } }),
  );

  it('shares the store’s database file: the cache and the jobs table live side by side', async () => {
    const url = `sqlite://${join(dir, 'shared', 'claimdesk.sqlite')}`;
    const store = openStore(url, silentLogger);
    const queue = await openQueue(url, { options: TEST_OPTIONS });
    await store.set('check:x', { title: 'Заголовок' });
    expect(await queue.enqueue(job('slack:event:Shared'))).toBe(true);
    expect(await store.get('check:x')).toEqual({ title: 'Заголовок' });
    expect(await queue.counts()).toEqual({ queued: 1, active: 0, failed: 0 });
    await queue.stop(100);
    await store.close();
    const reopened = await openQueue(url, { options: TEST_OPTIONS });
    expect(await reopened.enqueue(job('slack:event:Shared'))).toBe(false);
    await reopened.stop(100);
  });
});

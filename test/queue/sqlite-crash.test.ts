/** SQLite default: jobs survive kill -9 of the process running them. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openQueue } from '../../src/queue/open-queue.js';
import { job, TEST_OPTIONS, waitFor } from './contract.js';
import { spawnChild } from './fixtures/spawn-child.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const completions = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];

describe('SQLite queue across kill -9', () => {
  it('10 pending jobs, the worker killed mid-burst, a restart runs all 10 exactly once', async () => {
    const url = `sqlite://${join(dir, 'restart', 'claimdesk.sqlite')}`;
    const file = join(dir, 'restart-completions.txt');
    const admin = await openQueue(url, { options: TEST_OPTIONS });
    const keys = Array.from({ length: 10 }, (_, i) => `slack:event:Ev${i}`);
    for (const k of keys) expect(await admin.enqueue(job(k))).toBe(true);

    // Finishes 2, then hangs on 3 (concurrency 3): the 5th take follows the 2nd recorded completion.
    // A long lease: the restart must find the jobs by their dead owner, not by waiting it out.
    const first = spawnChild({
      STORE_URL: url,
      COMPLETE: '2',
      CONCURRENCY: '3',
      LOCK_MS: '60000',
      COMPLETIONS: file,
    });
    await first.waitForLines((l) => l.filter((x) => x.startsWith('took ')).length === 5);
    first.proc.kill('SIGKILL');
    await first.exited;
    const hung = first
      .took()
      .slice(2)
      .map(([k]) => k);
    expect(completions(file)).toHaveLength(2);
    expect(await admin.counts()).toEqual({ queued: 5, active: 3, failed: 0 });

    const t0 = Date.now();
    const second = spawnChild({ STORE_URL: url, CONCURRENCY: '3', LOCK_MS: '60000', COMPLETIONS: file });
    await waitFor(
      async () => completions(file).length >= 10 && (await admin.counts()).active === 0,
      15_000,
      'all 10 completions',
    );
    const restartMs = Date.now() - t0;
    second.proc.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    const done = completions(file).map((l) => l.split(' ')[0]);
    expect([...done].sort()).toEqual([...keys].sort());
    // The three cut short by the kill ran once more, as their second try.
    for (const k of hung) expect(second.took()).toContainEqual([k, 2]);
    expect(second.took()).toHaveLength(8);
    expect(await admin.counts()).toEqual({ queued: 0, active: 0, failed: 0 });
    // Far below the 60 s lease: found by the dead owner's pid, not by lease expiry.
    expect(restartMs).toBeLessThan(60_000 / 4);
    console.info(`sqlite restart after kill -9: 8 jobs resumed and done in ${restartMs} ms`);
    await admin.stop(100);
  }, 40_000);

  it('a live second process takes a dead worker’s job once its lease expires', async () => {
    const url = `sqlite://${join(dir, 'lease', 'claimdesk.sqlite')}`;
    const admin = await openQueue(url, { options: TEST_OPTIONS });
    await admin.enqueue(job('discord:msg:C1:M1:h', { platform: 'discord' }));
    const child = spawnChild({ STORE_URL: url, COMPLETE: '0', CONCURRENCY: '1', LOCK_MS: '1000' });
    await child.waitForLines((l) => l.some((x) => x.startsWith('took ')));
    // Started while the child is alive: the job is leased, so it must not take it yet.
    const runs: Array<{ at: number; attempt: number }> = [];
    admin.start(async (_j, info) => {
      runs.push({ at: Date.now(), attempt: info.attempt });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toEqual([]);
    const killedAt = Date.now();
    child.proc.kill('SIGKILL');
    await child.exited;
    await waitFor(() => runs.length === 1, 10_000, 'the run after lease expiry');
    expect(runs[0]?.attempt).toBe(2);
    console.info(
      `sqlite lease expiry (lease 1000 ms): taken over ${(runs[0]?.at ?? 0) - killedAt} ms after kill -9`,
    );
    await admin.stop(1_000);
  });
});

describe('lease owners', () => {
  it('judges only owners on this machine: gone pid, or this pid but not one of its live instances', async () => {
    const { ownerGone, ownerId } = await import('../../src/queue/owner.js');
    const { hostname } = await import('node:os');
    const live = ownerId();
    expect(ownerGone(live)).toBe(false);
    expect(ownerGone(`${hostname()}/${process.pid}/deadbeef`)).toBe(true); // a restarted container's pid
    expect(ownerGone(`${hostname()}/${process.ppid}/x`)).toBe(false); // alive
    expect(ownerGone(`other-host/999999/x`)).toBe(false);
    const child = spawnChild({ STORE_URL: 'memory://' });
    await child.waitForLines((l) => l.includes('ready'));
    const pid = child.proc.pid ?? 0;
    child.proc.kill('SIGKILL');
    await child.exited;
    expect(ownerGone(`${hostname()}/${pid}/x`)).toBe(true);
  });
});

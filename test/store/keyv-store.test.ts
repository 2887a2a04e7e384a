import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { FeedbackStore } from '../../src/store/feedback.js';
import { KeyvStore, openStore } from '../../src/store/keyv-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { type RedisHandle, redisAvailable, startRedis } from '../helpers/redis.js';

describe('MemoryStore', () => {
  it('expires values by the injected clock', async () => {
    let now = 1_000;
    const store = new MemoryStore({ now: () => new Date(now) });
    await store.set('k', { a: 1 }, 50);
    expect(await store.get('k')).toEqual({ a: 1 });
    now += 51;
    expect(await store.get('k')).toBeUndefined();
    expect(await store.setIfAbsent('k', 1, 10)).toBe(true);
    expect(await store.setIfAbsent('k', 2, 10)).toBe(false);
  });
});

describe('SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('persists across a restart and creates its directory', async () => {
    const url = `sqlite://${join(dir, 'nested', 'cache.sqlite')}`;
    const a = openStore(url, silentLogger);
    await a.set('check:x', { title: 'Заголовок' });
    await a.close();
    const b = openStore(url, silentLogger);
    expect(await b.get('check:x')).toEqual({ title: 'Заголовок' });
    await b.close();
  });

  it('lets exactly one of many concurrent deliveries through setIfAbsent', async () => {
    const store = openStore(`sqlite://${join(dir, 'once.sqlite')}`, silentLogger);
    const wins = await Promise.all(
      Array.from({ length: 20 }, () => store.setIfAbsent('reply:C1:1.2', 1, 60_000)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    await store.close();
  });

  it('forgets its per-key locks once a check is done, and a deleted marker can be claimed again', async () => {
    const store = openStore(`sqlite://${join(dir, 'locks.sqlite')}`, silentLogger);
    if (!(store instanceof KeyvStore)) throw new Error('expected a KeyvStore');
    for (let i = 0; i < 50; i++) await store.setIfAbsent(`reply:${i}`, 1, 60_000);
    expect(store.pendingLocks()).toBe(0);
    await store.delete('reply:7');
    expect(await store.setIfAbsent('reply:7', 1, 60_000)).toBe(true);
    await store.close();
  });

  it('keeps feedback votes, one per user per alert', async () => {
    const store = openStore(`sqlite://${join(dir, 'feedback.sqlite')}`, silentLogger);
    const fb = new FeedbackStore(store, { now: () => new Date('2026-11-21T10:00:00Z') });
    const vote = {
      platform: 'slack' as const,
      teamId: 'T1',
      channelId: 'C1',
      messageId: '1.1',
      entryIds: ['a', 'b'],
    };
    await fb.record({ ...vote, verdict: 'helpful', userId: 'U1' });
    await fb.record({ ...vote, verdict: 'wrong', userId: 'U1' });
    await fb.record({ ...vote, verdict: 'helpful', userId: 'U2' });
    const s = await fb.summary();
    expect(s.total).toEqual({ helpful: 1, wrong: 1 });
    expect(s.byEntry.a).toEqual({ helpful: 1, wrong: 1 });
    expect(s.recent[0]?.at).toBe('2026-11-21T10:00:00.000Z');
    await store.close();
  });
});

const needRedis = redisAvailable() || process.env.CI === 'true';
describe.runIf(needRedis)('Redis store (several replicas)', () => {
  let redis: RedisHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('shares the cache and lets exactly one replica claim a delivery', async () => {
    const replicas = [
      openStore(redis.url, silentLogger),
      openStore(redis.url, silentLogger),
      openStore(redis.url, silentLogger),
    ];
    await replicas[0]?.set('check:y', { ok: true }, 60_000);
    expect(await replicas[1]?.get('check:y')).toEqual({ ok: true });
    const wins = await Promise.all(
      Array.from({ length: 30 }, (_, i) => replicas[i % 3]?.setIfAbsent('reply:C9:7.7', 1, 60_000)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('releases a once-marker on delete, so a failed reply can be retried', async () => {
    const store = openStore(redis.url, silentLogger);
    expect(await store.setIfAbsent('reply:C1:9.9', 1, 60_000)).toBe(true);
    expect(await store.setIfAbsent('reply:C1:9.9', 1, 60_000)).toBe(false);
    await store.delete('reply:C1:9.9');
    expect(await store.setIfAbsent('reply:C1:9.9', 1, 60_000)).toBe(true);
    await store.close();
  });

  it('degrades instead of failing when Redis goes away', async () => {
    const other = await startRedis();
    const store = openStore(other.url, silentLogger);
    await store.set('k', 1);
    await other.stop();
    expect(await store.get('k')).toBeUndefined();
    expect(await store.setIfAbsent('k2', 1, 1000)).toBe(true);
    await store.close();
  });
});

describe('MemoryStore concurrency', () => {
  it('lets exactly one of many concurrent callers through setIfAbsent', async () => {
    const store = new MemoryStore();
    const wins = await Promise.all(Array.from({ length: 10 }, () => store.setIfAbsent('once', 1, 1000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });
});

/**
 * The check history stores (memory, SQLite in the store's file, Redis for replicas) against one
 * contract: a record with a known id is kept once, windows are [from, to) newest first, the team
 * and entry filters and the limit hold, prune deletes exactly what is older, and rows that are not
 * records are skipped. Plus what only a shared store must do: two connections (two replicas)
 * recording the same ids at once keep one of each, and nothing is lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { type CheckRecord, type HistoryStore, MemoryHistory } from '../../src/model/history.js';
import { openHistory } from '../../src/store/open-history.js';
import { RedisHistory } from '../../src/store/redis-history.js';
import { SqliteHistory } from '../../src/store/sqlite-history.js';
import { type RedisHandle, redisAvailable, startRedis } from '../helpers/redis.js';

const T0 = Date.parse('2026-11-16T10:00:00Z');
const HOUR = 3_600_000;

function rec(id: string, hoursAfterT0: number, over: Partial<CheckRecord> = {}): CheckRecord {
  return {
    id,
    at: new Date(T0 + hoursAfterT0 * HOUR).toISOString(),
    surface: 'slack',
    teamId: 'T1',
    channelId: 'C1',
    url: `https://news.example/${id}`,
    title: `Page ${id}`,
    outcome: 'silent',
    errorCode: null,
    entries: [],
    catalogueVersion: 'v1',
    ...over,
  };
}

const ids = (rs: CheckRecord[]) => rs.map((r) => r.id);

function contract(name: string, open: () => Promise<HistoryStore & { close?(): Promise<void> }>) {
  describe(`${name} history`, () => {
    let h: HistoryStore;
    beforeAll(async () => {
      h = await open();
    });
    afterAll(async () => {
      await h.close?.();
    });

    it('keeps a record once however often its id is recorded, and returns it as written', async () => {
      const first = rec('same', 0, {
        outcome: 'alert',
        entries: [{ id: 'nato-peacekeeping-centre', stance: 'promotes', confidence: 0.91 }],
        title: 'Заголовок «в кавычках»',
      });
      await h.record(first);
      await h.record({ ...first, at: new Date(T0 + HOUR).toISOString(), outcome: 'silent' });
      await Promise.all([h.record(first), h.record(first)]);
      const got = await h.list({ from: new Date(T0 - HOUR), to: new Date(T0 + 2 * HOUR) });
      expect(got).toEqual([first]);
      await h.prune(new Date(T0 + 1_000 * HOUR));
    });

    it('lists [from, to) newest first, with the team and entry filters and a limit', async () => {
      await h.record(rec('a', 10));
      await h.record(rec('b', 11, { teamId: 'T2' }));
      await h.record(
        rec('c', 12, { entries: [{ id: 'e1', stance: 'reports', confidence: 0.7 }], outcome: 'note' }),
      );
      await h.record(rec('d', 13, { teamId: null, surface: 'cli', channelId: null }));
      await h.record(rec('e', 14));
      const window = { from: new Date(T0 + 11 * HOUR), to: new Date(T0 + 14 * HOUR) };
      // 11 h is inside (inclusive), 14 h is outside (exclusive).
      expect(ids(await h.list(window))).toEqual(['d', 'c', 'b']);
      expect(ids(await h.list({ ...window, teamId: 'T1' }))).toEqual(['c']);
      expect(ids(await h.list({ ...window, teamId: 'T2' }))).toEqual(['b']);
      expect(ids(await h.list({ ...window, entryId: 'e1' }))).toEqual(['c']);
      expect(ids(await h.list({ ...window, entryId: 'nope' }))).toEqual([]);
      const all = { from: new Date(T0), to: new Date(T0 + 100 * HOUR) };
      expect(ids(await h.list({ ...all, limit: 2 }))).toEqual(['e', 'd']);
      expect(ids(await h.list({ ...all, teamId: 'T1', limit: 2 }))).toEqual(['e', 'c']);
      expect(ids(await h.list({ ...all, limit: 0 }))).toEqual([]);
    });

    it('prunes exactly the records older than the cut-off, and says how many', async () => {
      expect(await h.prune(new Date(T0 + 12 * HOUR))).toBe(2);
      expect(await h.prune(new Date(T0 + 12 * HOUR))).toBe(0);
      const left = await h.list({ from: new Date(0), to: new Date(T0 + 100 * HOUR) });
      expect(ids(left)).toEqual(['e', 'd', 'c']);
      expect(await h.prune(new Date(T0 + 100 * HOUR))).toBe(3);
      expect(await h.list({ from: new Date(0), to: new Date(T0 + 100 * HOUR) })).toEqual([]);
    });

    it('refuses a record without a valid time', async () => {
      await expect(h.record(rec('bad-time', 0, { at: 'yesterday' }))).rejects.toThrow();
    });

    it('keeps many records recorded at once, none lost', async () => {
      const many = Array.from({ length: 300 }, (_, i) => rec(`m${i}`, 200 + i / 100));
      await Promise.all(many.map((r) => h.record(r)));
      const got = await h.list({ from: new Date(T0 + 200 * HOUR), to: new Date(T0 + 210 * HOUR) });
      expect(new Set(ids(got))).toEqual(new Set(ids(many)));
      expect(got).toHaveLength(300);
      await h.prune(new Date(T0 + 1_000 * HOUR));
    });
  });
}

contract('memory', async () => new MemoryHistory());

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
contract('SQLite', () => openHistory(`sqlite://${join(dir, 'nested', 'contract.sqlite')}`, silentLogger));

describe('SQLite history in the store file', () => {
  it('survives a restart, and two connections on one file record each id once', async () => {
    const file = join(dir, 'shared.sqlite');
    const a = await SqliteHistory.open(file);
    const b = await SqliteHistory.open(file);
    const batch = Array.from({ length: 40 }, (_, i) => rec(`s${i}`, i));
    await Promise.all([...batch.map((r) => a.record(r)), ...batch.map((r) => b.record(r))]);
    await a.close();
    await b.close();
    const c = await SqliteHistory.open(file);
    const got = await c.list({ from: new Date(T0), to: new Date(T0 + 100 * HOUR) });
    expect(got).toHaveLength(40);
    expect(new Set(ids(got)).size).toBe(40);
    await c.close();
  });

  it('skips a row that is not a record instead of failing the digest', async () => {
    const file = join(dir, 'damaged.sqlite');
    const h = await SqliteHistory.open(file);
    await h.record(rec('good', 1));
    await h.close();
    const raw = new sqlite3.Database(file);
    await new Promise<void>((resolve, reject) =>
      raw.run(
        `INSERT INTO check_history (id, at, team_id, record) VALUES ('bad', $at, 'T1', '{"id":"bad","outcome":"loud"}')`,
        { $at: T0 + 2 * HOUR },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    await new Promise<void>((resolve) => raw.close(() => resolve()));
    const again = await SqliteHistory.open(file);
    expect(ids(await again.list({ from: new Date(T0), to: new Date(T0 + 10 * HOUR) }))).toEqual(['good']);
    await again.close();
  });
});

const needRedis = redisAvailable() || process.env.CI === 'true';
describe.runIf(needRedis)('Redis history (several replicas)', () => {
  let redis: RedisHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  contract('Redis', async () => new RedisHistory(redis.url, silentLogger));

  it('two replicas recording the same checks at once keep each exactly once, with one time', async () => {
    const a = new RedisHistory(redis.url, silentLogger);
    const b = new RedisHistory(redis.url, silentLogger);
    const batch = Array.from({ length: 50 }, (_, i) => rec(`r${i}`, 500 + i / 10));
    // Each replica stamps its own time: whichever EXEC is first wins both the record and its time.
    const later = batch.map((r) => ({ ...r, at: new Date(Date.parse(r.at) + 60_000).toISOString() }));
    await Promise.all([...batch.map((r) => a.record(r)), ...later.map((r) => b.record(r))]);
    const got = await a.list({ from: new Date(T0 + 500 * HOUR), to: new Date(T0 + 600 * HOUR) });
    expect(got).toHaveLength(50);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    for (const r of got) {
      const score = await raw.zScore('claimdesk:history:at', r.id);
      expect(score).toBe(Date.parse(r.at));
    }
    expect(await raw.hLen('claimdesk:history:records')).toBe(await raw.zCard('claimdesk:history:at'));
    raw.destroy();
    expect(await b.prune(new Date(T0 + 1_000 * HOUR))).toBe(50);
    await a.close();
    await b.close();
  });

  it('fails fast, without hanging, when Redis is not there', async () => {
    const h = new RedisHistory('redis://127.0.0.1:1', silentLogger);
    const started = Date.now();
    await expect(h.record(rec('x', 0))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    await h.close();
  });
});

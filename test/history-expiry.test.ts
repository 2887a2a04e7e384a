/**
 * HISTORY_DAYS: the app deletes check history older than that many days when it starts and then
 * periodically (hourly in production; fast here), measured on the app's clock (a fake one here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { silentLogger } from '../src/logger.js';
import { readConfig } from '../src/model/config.js';
import { ConfigError } from '../src/model/errors.js';
import type { CheckRecord, HistoryStore } from '../src/model/history.js';
import { SqliteHistory } from '../src/store/sqlite-history.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-20T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-expiry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rec(id: string, ageMs: number): CheckRecord {
  return {
    id,
    at: new Date(NOW - ageMs).toISOString(),
    surface: 'discord',
    teamId: 'G1',
    channelId: 'C1',
    url: `https://news.example/${id}`,
    title: null,
    outcome: 'silent',
    errorCode: null,
    entries: [],
    catalogueVersion: 'v1',
  };
}

async function idsIn(h: HistoryStore): Promise<string[]> {
  return (await h.list({ from: new Date(0), to: new Date(NOW + 365 * DAY) })).map((r) => r.id).sort();
}

async function until(what: string, ok: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('HISTORY_DAYS', () => {
  it('is 90 days unless set, and a bad value is a one-line error naming it', () => {
    expect(readConfig({}).historyDays).toBe(90);
    expect(readConfig({ HISTORY_DAYS: '7' }).historyDays).toBe(7);
    for (const bad of ['0', 'ninety', '-5', '1.5'])
      expect(() => readConfig({ HISTORY_DAYS: bad })).toThrow(ConfigError);
    expect(() => readConfig({ HISTORY_DAYS: 'ninety' })).toThrow(/^HISTORY_DAYS must be a whole number/);
  });

  it('deletes older records at start and then as the clock moves on, and keeps the rest', async () => {
    const file = join(dir, 'expiry.sqlite');
    const seed = await SqliteHistory.open(file);
    await seed.record(rec('too-old', 91 * DAY));
    await seed.record(rec('almost', 89 * DAY));
    await seed.record(rec('fresh', 3_600_000));
    await seed.close();

    let now = NOW;
    const app = await buildApp(
      readConfig({
        STORE_URL: `sqlite://${file}`,
        HISTORY_DAYS: '90',
        ANALYSIS_THREADS: '0',
        CLAIMS_REFRESH_S: '0',
        LOG_LEVEL: 'silent',
      }),
      silentLogger,
      { clock: { now: () => new Date(now) }, historyPruneMs: 25 },
    );
    try {
      await until('the start-up prune', async () => (await idsIn(app.history)).length === 2);
      expect(await idsIn(app.history)).toEqual(['almost', 'fresh']);
      // Two days later "almost" is 91 days old: the periodic prune takes it, not "fresh".
      now = NOW + 2 * DAY;
      await until('the periodic prune', async () => (await idsIn(app.history)).length === 1);
      expect(await idsIn(app.history)).toEqual(['fresh']);
      expect(await app.pruneHistory()).toBe(0);
    } finally {
      await app.close();
    }
    // The timer stopped with the app; the file keeps what was left.
    const after = await SqliteHistory.open(file);
    expect(await idsIn(after)).toEqual(['fresh']);
    await after.close();
  });
});

/**
 * The weekly digest post: due from Monday 04:00 UTC for a day; each (workspace, week) posted once
 * however many replicas tick, guarded by the store's atomic once-marker; a failed post is tried
 * again by the next tick. The replica case runs two real apps on one real redis-server, ticked
 * directly and then by croner on a near schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import {
  createDigestSchedule,
  type DigestPoster,
  duePeriod,
} from '../../src/conversation/digest-schedule.js';
import { SettingsStore } from '../../src/conversation/settings.js';
import { silentLogger } from '../../src/logger.js';
import { readConfig } from '../../src/model/config.js';
import type { Digest } from '../../src/model/digest.js';
import type { CheckRecord } from '../../src/model/history.js';
import type { ReplyLang } from '../../src/model/types.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { type RedisHandle, redisAvailable, startRedis } from '../helpers/redis.js';

const MONDAY = Date.parse('2026-11-16T00:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(MONDAY + hours * HOUR);
const by = { userId: 'UADMIN', at: at(0) };

interface Post {
  teamId: string;
  channelId: string;
  digest: Digest;
  lang: ReplyLang;
}

function recorder(posts: Post[], fail = { times: 0 }): DigestPoster {
  return async (target, digest, lang) => {
    if (fail.times > 0) {
      fail.times -= 1;
      throw new Error('channel_not_found');
    }
    posts.push({ ...target, digest, lang });
  };
}

describe('when the weekly digest is due', () => {
  it('is due from Monday 04:00 UTC for 24 hours, named by the week’s Monday', () => {
    expect(duePeriod(at(3.99))).toBeNull();
    expect(duePeriod(at(4))).toBe('2026-11-16');
    expect(duePeriod(at(27.99))).toBe('2026-11-16');
    expect(duePeriod(at(28))).toBeNull();
    expect(duePeriod(at(24 * 6 + 23))).toBeNull();
    expect(duePeriod(at(24 * 7 + 5))).toBe('2026-11-23');
  });
});

describe('the digest schedule on one store', () => {
  function setup() {
    const store = new MemoryStore();
    const settings = new SettingsStore(store, {
      nonAlertReply: 'silent',
      replyOnUnreadable: false,
      language: 'en',
    });
    const asked: Array<{ teamId: string | undefined; days: number }> = [];
    const schedule = createDigestSchedule({
      store,
      settings,
      logger: silentLogger,
      clock: { now: () => at(5) },
      digest: async (req) => {
        asked.push({ teamId: req.teamId, days: req.days });
        return {
          from: '',
          to: '',
          checks: req.teamId === 'T1' ? 3 : 1,
          alerts: 0,
          unreadable: 0,
          entries: [],
          feedback: { helpful: 0, wrong: 0 },
        };
      },
    });
    return { store, settings, schedule, asked };
  }

  it('posts each chosen channel once a week, in the channel’s language, and nothing outside the window', async () => {
    const { settings, schedule, asked } = setup();
    await settings.write('slack', 'T1', { digest: { channelId: 'C0DIGEST', every: 'weekly' } }, by);
    await settings.write('slack', 'T1', { channelLanguage: { channelId: 'C0DIGEST', language: 'kk' } }, by);
    await settings.write('discord', 'G1', { digest: { channelId: '1234567890123456', every: 'weekly' } }, by);
    await settings.write('discord', 'G1', { language: 'ru' }, by);
    await settings.write('slack', 'T9', { digest: { channelId: 'C0GONE', every: 'weekly' } }, by);
    await settings.write('slack', 'T9', { digest: null }, by);
    const posts: Post[] = [];
    schedule.register('slack', recorder(posts));
    schedule.register('discord', recorder(posts));

    expect(await schedule.tick(at(3))).toEqual({ posted: 0, already: 0, failed: 0 });
    expect(await schedule.tick()).toEqual({ posted: 2, already: 0, failed: 0 });
    expect(posts.map((p) => [p.teamId, p.channelId, p.lang, p.digest.checks])).toEqual([
      ['T1', 'C0DIGEST', 'kk', 3],
      ['G1', '1234567890123456', 'ru', 1],
    ]);
    expect(asked).toEqual([
      { teamId: 'T1', days: 7 },
      { teamId: 'G1', days: 7 },
    ]);
    expect(await schedule.tick(at(6))).toEqual({ posted: 0, already: 2, failed: 0 });
    // The next week: again.
    expect(await schedule.tick(at(24 * 7 + 4))).toEqual({ posted: 2, already: 0, failed: 0 });
    expect(posts).toHaveLength(4);
  });

  it('gives the marker back when a post fails, so the next tick posts it', async () => {
    const { settings, schedule } = setup();
    await settings.write('slack', 'T1', { digest: { channelId: 'C0DIGEST', every: 'weekly' } }, by);
    const posts: Post[] = [];
    schedule.register('slack', recorder(posts, { times: 1 }));
    expect(await schedule.tick(at(4))).toEqual({ posted: 0, already: 0, failed: 1 });
    expect(await schedule.tick(at(5))).toEqual({ posted: 1, already: 0, failed: 0 });
    expect(await schedule.tick(at(6))).toEqual({ posted: 0, already: 1, failed: 0 });
    expect(posts).toHaveLength(1);
  });

  it('leaves a platform it cannot post on to a replica that can, without taking its marker', async () => {
    const { store, settings, schedule } = setup();
    await settings.write('discord', 'G1', { digest: { channelId: '1234567890123456', every: 'weekly' } }, by);
    expect(await schedule.tick(at(5))).toEqual({ posted: 0, already: 0, failed: 0 });
    const other = createDigestSchedule({
      store,
      settings,
      logger: silentLogger,
      clock: { now: () => at(5) },
      digest: async () => ({
        from: '',
        to: '',
        checks: 0,
        alerts: 0,
        unreadable: 0,
        entries: [],
        feedback: { helpful: 0, wrong: 0 },
      }),
    });
    const posts: Post[] = [];
    other.register('discord', recorder(posts));
    expect(await other.tick(at(5))).toEqual({ posted: 1, already: 0, failed: 0 });
  });

  it('forgets a workspace whose digest was turned off, or reset', async () => {
    const { settings, schedule } = setup();
    await settings.write('slack', 'T1', { digest: { channelId: 'C0DIGEST', every: 'weekly' } }, by);
    await settings.write('slack', 'T2', { digest: { channelId: 'C0OTHER', every: 'weekly' } }, by);
    await settings.write('slack', 'T1', null, by);
    expect(await settings.digestTargets()).toEqual([{ platform: 'slack', scope: 'T2' }]);
    const posts: Post[] = [];
    schedule.register('slack', recorder(posts));
    await schedule.tick(at(5));
    expect(posts.map((p) => p.teamId)).toEqual(['T2']);
  });
});

function record(id: string, teamId: string, hours: number, over: Partial<CheckRecord> = {}): CheckRecord {
  return {
    id,
    at: at(hours).toISOString(),
    surface: teamId.startsWith('T') ? 'slack' : 'discord',
    teamId,
    channelId: 'C0NEWS',
    url: `https://news.example/${id}`,
    title: `Page ${id}`,
    outcome: 'silent',
    errorCode: null,
    entries: [],
    catalogueVersion: 'v1',
    ...over,
  };
}

const needRedis = redisAvailable() || process.env.CI === 'true';
describe.runIf(needRedis)('two replicas on one Redis', () => {
  let redis: RedisHandle;
  let now = at(4.5);
  const apps: App[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    const config = readConfig({
      STORE_URL: redis.url,
      ANALYSIS_THREADS: '0',
      CLAIMS_REFRESH_S: '0',
      LOG_LEVEL: 'silent',
    });
    for (let i = 0; i < 2; i++)
      apps.push(
        await buildApp(config, silentLogger, {
          clock: { now: () => now },
          // Croner ticks every second here; the fake clock decides which week it is.
          digestCron: '* * * * * *',
        }),
      );
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await redis?.stop();
  });

  it('posts each workspace’s digest exactly once, with the numbers of its checks', async () => {
    const [a, b] = apps;
    if (!a || !b) throw new Error('two apps');
    await a.settings.write('slack', 'T1', { digest: { channelId: 'C0DIGEST', every: 'weekly' } }, by);
    await b.settings.write(
      'discord',
      'G1',
      { digest: { channelId: '1234567890123456', every: 'weekly' } },
      by,
    );
    // Checks recorded through both replicas (the last week), one of them twice, one too old.
    await a.history.record(
      record('c1', 'T1', -30, {
        outcome: 'alert',
        entries: [{ id: 'nato-peacekeeping-centre', stance: 'promotes', confidence: 0.9 }],
      }),
    );
    await b.history.record(record('c1', 'T1', -29));
    await b.history.record(record('c2', 'T1', -2, { outcome: 'unreadable', errorCode: 'timeout' }));
    await a.history.record(record('c3', 'G1', -1));
    await a.history.record(record('old', 'T1', -24 * 8));

    const posts: Post[] = [];
    const byReplica = [0, 0];
    apps.forEach((app, i) => {
      for (const platform of ['slack', 'discord'] as const)
        app.digests?.register(platform, async (t, d, lang) => {
          byReplica[i] = (byReplica[i] ?? 0) + 1;
          posts.push({ ...t, digest: d, lang });
        });
    });
    const reports = await Promise.all([a, b, a, b].map((app) => app.digests?.tick()));
    expect(reports.reduce((n, r) => n + (r?.posted ?? 0), 0)).toBe(2);
    expect(posts.map((p) => `${p.teamId}:${p.channelId}`).sort()).toEqual([
      'G1:1234567890123456',
      'T1:C0DIGEST',
    ]);
    const t1 = posts.find((p) => p.teamId === 'T1')?.digest;
    expect(t1).toMatchObject({ checks: 2, alerts: 1, unreadable: 1 });
    expect(t1?.entries.map((e) => [e.id, e.checks, e.alerts])).toEqual([['nato-peacekeeping-centre', 1, 1]]);
    expect(posts.find((p) => p.teamId === 'G1')?.digest.checks).toBe(1);

    // The next week, croner ticks on both replicas every second: still once per workspace.
    posts.length = 0;
    now = at(24 * 7 + 4.5);
    for (const app of apps) app.digests?.start();
    const deadline = Date.now() + 5_000;
    while (posts.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 2_200));
    for (const app of apps) app.digests?.stop();
    expect(posts.map((p) => p.teamId).sort()).toEqual(['G1', 'T1']);
    expect(byReplica.reduce((x, y) => x + y, 0)).toBe(4);
  }, 20_000);
});

/**
 * The conversation core records every link it checks (#15): one record per link, with the team and
 * channel ids and the outcome the channel saw, under the event's key so a job that runs again
 * records nothing twice. The digest over those records equals the checks made here: real checks
 * (the shipped catalogue, the real matcher) with only the page fetcher faked.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import { type ConversationDeps, handleMessage } from '../../src/conversation/handle-message.js';
import type { ChatEvent, ChatTransport, Outgoing } from '../../src/conversation/ports.js';
import { SettingsStore } from '../../src/conversation/settings.js';
import { silentLogger } from '../../src/logger.js';
import type { Catalogue } from '../../src/model/catalogue.js';
import type { CheckService } from '../../src/model/check-service.js';
import { MemoryHistory } from '../../src/model/history.js';
import type { CheckDetails } from '../../src/model/types.js';
import { digestFor } from '../../src/pipeline/digest-service.js';
import { FeedbackStore } from '../../src/store/feedback.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { realCheckService } from '../helpers/real-check-service.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const clock = { now: () => NOW };
let catalogue: Catalogue;

beforeAll(async () => {
  catalogue = await loadCatalogue(fileURLToPath(new URL('../../claims', import.meta.url)));
});

function example(id: string, kind: 'match' | 'debunk'): string {
  const text = catalogue.byId.get(id)?.examples[kind][0]?.text;
  if (!text) throw new Error(`the catalogue has no ${kind} example for ${id}`);
  return text;
}

const URL_ALERT = 'https://news.example/nato-centre';
const URL_DEBUNK = 'https://news.example/nato-fact-check';
const URL_MISSING = 'https://news.example/gone';
const URL_BIOLABS = 'https://news.example/biolabs';
const URL_WEATHER = 'https://news.example/weather';

interface World {
  deps: ConversationDeps;
  history: MemoryHistory;
  feedback: FeedbackStore;
  /** Every result the core got from the check service, in order. */
  checked: CheckDetails[];
  posts: Outgoing[];
  transport: ChatTransport;
  failPosts: number;
}

function world(): World {
  const real = realCheckService(
    catalogue,
    {
      [URL_ALERT]: example('nato-peacekeeping-centre', 'match'),
      [URL_DEBUNK]: example('nato-peacekeeping-centre', 'debunk'),
      [URL_BIOLABS]: example('us-biolabs-in-kazakhstan', 'match'),
      [URL_WEATHER]: 'Sunny in Almaty tomorrow, with a light wind from the mountains.',
    },
    { cacheTtlMs: 0 },
  );
  const checked: CheckDetails[] = [];
  const service: CheckService = {
    ...real.service,
    checkLinks: async (links, opts) => {
      const ds = await real.service.checkLinks(links, opts);
      checked.push(...ds);
      return ds;
    },
  };
  const store = new MemoryStore(clock);
  const history = new MemoryHistory();
  const w: World = {
    deps: {
      service,
      store,
      settings: new SettingsStore(store, {
        nonAlertReply: 'silent',
        replyOnUnreadable: false,
        language: 'en',
      }),
      logger: silentLogger,
      clock,
      history,
    },
    history,
    feedback: new FeedbackStore(store, clock),
    checked,
    posts: [],
    failPosts: 0,
    transport: {
      post: async (_msg, out) => {
        if (w.failPosts > 0) {
          w.failPosts -= 1;
          throw new Error('chat API is down');
        }
        w.posts.push(out);
        return { id: `reply-${w.posts.length}` };
      },
    },
  };
  return w;
}

let seq = 0;
function event(text: string, over: { teamId?: string; channelId?: string } = {}): ChatEvent {
  seq += 1;
  return {
    message: {
      platform: 'slack',
      text,
      extraLinks: [],
      channelId: over.channelId ?? 'C1',
      messageId: `1732190000.${String(seq).padStart(6, '0')}`,
      threadId: null,
      authorId: 'U1',
      teamId: over.teamId ?? 'T1',
    },
  };
}

const digestDeps = (w: World) => ({
  history: w.history,
  feedback: w.feedback,
  catalogue,
  config: { alertThreshold: 0.5 },
});
const all = { from: new Date(0), to: new Date(NOW.getTime() + 1) };

describe('history from the conversation core', () => {
  it('records one record per link checked, with ids only and the outcome the channel saw', async () => {
    const w = world();
    await w.deps.settings.write('slack', 'T1', { nonAlertReply: 'note' }, { userId: 'UA', at: NOW });
    expect((await handleMessage(event(`look <${URL_ALERT}>`), w.transport, w.deps)).outcome).toBe('alert');
    expect((await handleMessage(event(`fact check ${URL_DEBUNK}`), w.transport, w.deps)).outcome).toBe(
      'note',
    );
    expect((await handleMessage(event(`${URL_MISSING}`), w.transport, w.deps)).outcome).toBe('silent');
    expect((await handleMessage(event('no links here'), w.transport, w.deps)).outcome).toBe('ignored');

    const records = await w.history.list(all);
    expect(records).toHaveLength(3);
    const byUrl = new Map(records.map((r) => [r.url, r]));
    expect(byUrl.get(URL_ALERT)).toMatchObject({
      surface: 'slack',
      teamId: 'T1',
      channelId: 'C1',
      outcome: 'alert',
      errorCode: null,
      catalogueVersion: catalogue.version,
      at: NOW.toISOString(),
    });
    expect(byUrl.get(URL_DEBUNK)?.outcome).toBe('note');
    expect(byUrl.get(URL_DEBUNK)?.entries.some((e) => e.stance === 'debunks')).toBe(true);
    expect(byUrl.get(URL_MISSING)).toMatchObject({ outcome: 'unreadable', errorCode: 'not_found' });
    // No message text and no user ids are kept.
    const json = JSON.stringify(records);
    expect(json).not.toContain('look');
    expect(json).not.toContain('U1');
  });

  it('records a silent outcome when notes are off', async () => {
    const w = world();
    expect((await handleMessage(event(URL_DEBUNK), w.transport, w.deps)).outcome).toBe('silent');
    const [r] = await w.history.list(all);
    expect(r?.outcome).toBe('silent');
  });

  it('records once when a durable job runs again, and only once the reply is posted', async () => {
    const w = world();
    const ev = event(`two links: ${URL_ALERT} ${URL_WEATHER}`);
    w.failPosts = 1;
    const first = await handleMessage(ev, w.transport, w.deps, { job: { key: 'job-1' }, lastTry: false });
    expect(first.outcome).toBe('failed');
    expect(await w.history.list(all)).toEqual([]);
    expect((await handleMessage(ev, w.transport, w.deps, { job: { key: 'job-1' } })).outcome).toBe('alert');
    // A third run (a replica that took the job after a lost lease) finds the reply and records nothing new.
    expect((await handleMessage(ev, w.transport, w.deps, { job: { key: 'job-1' } })).outcome).toBe(
      'duplicate',
    );
    const records = await w.history.list(all);
    expect(records.map((r) => r.url).sort()).toEqual([URL_ALERT, URL_WEATHER]);
    expect(w.posts).toHaveLength(1);
  });

  it('records nothing and fails nothing when the history does not answer', async () => {
    const w = world();
    const broken = {
      record: async () => {
        throw new Error('disk full');
      },
      list: async () => [],
      prune: async () => 0,
    };
    const out = await handleMessage(event(URL_ALERT), w.transport, { ...w.deps, history: broken });
    expect(out.outcome).toBe('alert');
    expect(w.posts).toHaveLength(1);
  });
});

describe('the digest equals the checks made', () => {
  it('counts checks, alerts, unreadable pages, entries, links and the window’s feedback', async () => {
    const w = world();
    const messages = [
      event(`<${URL_ALERT}>`),
      event(URL_DEBUNK),
      event(URL_MISSING),
      event(`${URL_BIOLABS} and ${URL_WEATHER}`),
      event(`again ${URL_ALERT}`, { channelId: 'C2' }),
      // Another workspace: not in T1's digest.
      event(URL_BIOLABS, { teamId: 'T2' }),
    ];
    for (const m of messages) await handleMessage(m, w.transport, w.deps);
    const t1 = w.checked.slice(0, 6);
    expect(t1.map((d) => d.result.input)).toEqual([
      URL_ALERT,
      URL_DEBUNK,
      URL_MISSING,
      URL_BIOLABS,
      URL_WEATHER,
      URL_ALERT,
    ]);
    // Feedback: two votes in T1 in the window, one in T2, one in T1 too long ago.
    const vote = { platform: 'slack' as const, channelId: 'C1', messageId: 'reply-1', entryIds: [] };
    await w.feedback.record({ ...vote, teamId: 'T1', verdict: 'helpful', userId: 'U1' });
    await w.feedback.record({ ...vote, teamId: 'T1', verdict: 'wrong', userId: 'U2' });
    await w.feedback.record({ ...vote, teamId: 'T2', verdict: 'wrong', userId: 'U3' });
    const old = new FeedbackStore(w.deps.store, { now: () => new Date(NOW.getTime() - 8 * 86_400_000) });
    await old.record({ ...vote, teamId: 'T1', verdict: 'helpful', userId: 'U4' });

    const d = await digestFor(digestDeps(w), { days: 7, teamId: 'T1', now: new Date(NOW.getTime() + 1) });
    expect(d.checks).toBe(6);
    expect(d.alerts).toBe(t1.filter((x) => x.result.alert).length);
    expect(d.alerts).toBe(3);
    expect(d.unreadable).toBe(1);
    expect(d.feedback).toEqual({ helpful: 1, wrong: 1 });

    // Per entry: what the results themselves said.
    for (const e of d.entries) {
      const hits = t1.filter((x) => x.result.matches.some((m) => m.id === e.id));
      expect(e.checks, e.id).toBe(hits.length);
      expect(e.debunks, e.id).toBe(
        hits.filter((x) => x.result.matches.some((m) => m.id === e.id && m.stance === 'debunks')).length,
      );
      expect(e.links.map((l) => l.url).every((u) => hits.some((x) => x.result.url === u))).toBe(true);
    }
    const nato = d.entries.find((e) => e.id === 'nato-peacekeeping-centre');
    expect(nato).toMatchObject({ checks: 3, alerts: 2, debunks: 1 });
    expect(nato?.title).toBe(catalogue.byId.get('nato-peacekeeping-centre')?.title.en);
    // One link once, however often it was checked; newest first.
    expect(nato?.links.map((l) => l.url)).toEqual([URL_ALERT, URL_DEBUNK]);
    expect(d.entries.find((e) => e.id === 'us-biolabs-in-kazakhstan')).toMatchObject({
      checks: 1,
      alerts: 1,
    });
    // Ordered by alerts, then checks.
    const order = d.entries.map((e) => [e.alerts, e.checks] as const);
    expect([...order].sort((a, b) => b[0] - a[0] || b[1] - a[1])).toEqual(order);

    // Every team together, and a window that ends before the checks.
    const everyone = await digestFor(digestDeps(w), { days: 7, now: new Date(NOW.getTime() + 1) });
    expect(everyone.checks).toBe(7);
    expect(everyone.feedback).toEqual({ helpful: 1, wrong: 2 });
    const before = await digestFor(digestDeps(w), { days: 7, now: new Date(NOW.getTime() - 1) });
    expect(before.checks).toBe(0);
    expect(before.entries).toEqual([]);
  });

  it('refuses a window that is not a whole number of days from 1 to 366', async () => {
    const w = world();
    for (const days of [0, -1, 1.5, 367, Number.NaN])
      await expect(digestFor(digestDeps(w), { days, now: NOW })).rejects.toThrow(/whole number/);
  });
});

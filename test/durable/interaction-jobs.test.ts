/**
 * The core of command and button jobs (interaction-jobs.ts through chat-jobs.ts), with a recording
 * transport: one job per platform identity; a try that fails to answer runs again and answers once,
 * the neutral line only on the last try; an answer recorded by an earlier try is not given again; a
 * job that runs after the platform stopped taking answers answers nothing; the admin question goes
 * to the platform only when the event did not answer it.
 */
import { describe, expect, it } from 'vitest';
import { createChatJobs } from '../../src/conversation/chat-jobs.js';
import {
  answeredKey,
  type InteractionEvent,
  type InteractionOut,
  type InteractionTransport,
  interactionKey,
  runInteraction,
} from '../../src/conversation/interaction-jobs.js';
import { defaultSettings, SettingsStore } from '../../src/conversation/settings.js';
import { silentLogger } from '../../src/logger.js';
import { openQueue } from '../../src/queue/open-queue.js';
import { FeedbackStore } from '../../src/store/feedback.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { fakeCheckService } from '../adapters/slack/fake-service.js';

const FAST = { pollMs: 10, backoffMs: 20, lockMs: 2_000, enqueueTimeoutMs: 500 };
const NOW = new Date('2026-12-01T10:00:00Z');

function deps(now = NOW) {
  const store = new MemoryStore();
  return {
    service: fakeCheckService(),
    store,
    feedback: new FeedbackStore(store),
    settings: new SettingsStore(
      store,
      defaultSettings({ nonAlertReply: 'silent', replyOnUnreadable: false }),
    ),
    logger: silentLogger,
    clock: { now: () => now },
    adminUsers: [] as string[],
  };
}

function event(over: Partial<InteractionEvent> = {}): InteractionEvent {
  return {
    platform: 'slack',
    id: 'T0NEWSROOM:1111.2222.abcd',
    teamId: 'T0NEWSROOM',
    channelId: 'C0NEWSDESK',
    userId: 'U0JOURNO1',
    ask: { kind: 'command', request: { kind: 'help' }, admin: null },
    reply: { responseUrl: 'https://hooks.slack.com/commands/x' },
    answerBy: new Date(NOW.getTime() + 60_000).toISOString(),
    ...over,
  };
}

interface Recording extends InteractionTransport {
  answers: InteractionOut[];
  adminAsked: number;
  failAnswers: number;
}

function recording(failAnswers = 0, admin = false): Recording {
  const t: Recording = {
    answers: [],
    adminAsked: 0,
    failAnswers,
    async isPlatformAdmin() {
      t.adminAsked += 1;
      return admin;
    },
    async answer(out) {
      if (out.kind !== 'error' && t.failAnswers > 0) {
        t.failAnswers -= 1;
        throw new Error('the platform did not take the answer (test)');
      }
      t.answers.push(out);
    },
  };
  return t;
}

describe('runInteraction', () => {
  it('answers nothing once the platform no longer takes an answer', async () => {
    const t = recording();
    const r = await runInteraction(event({ answerBy: new Date(NOW.getTime() - 1).toISOString() }), t, deps());
    expect(r.outcome).toBe('expired');
    expect(t.answers).toEqual([]);
  });

  it('does not answer again what an earlier try of the job recorded', async () => {
    const d = deps();
    const e = event();
    const key = interactionKey(e);
    expect(key).toBe('slack:command:T0NEWSROOM:1111.2222.abcd');
    await d.store.set(answeredKey(key), { at: NOW.toISOString() });
    const t = recording();
    expect((await runInteraction(e, t, d, { job: { key } })).outcome).toBe('duplicate');
    expect(t.answers).toEqual([]);
    // Without the record it answers, and records.
    await d.store.delete(answeredKey(key));
    expect((await runInteraction(e, t, d, { job: { key } })).outcome).toBe('answered');
    expect(await d.store.get(answeredKey(key))).toBeDefined();
  });

  it('keeps the neutral line for the last try, in the channel’s language', async () => {
    const d = deps();
    await d.settings.write('slack', 'T0NEWSROOM', { language: 'ru' }, { userId: 'U0ADMIN', at: NOW });
    const early = recording(1);
    expect((await runInteraction(event(), early, d, { lastTry: false })).outcome).toBe('failed');
    expect(early.answers).toEqual([]);
    const last = recording(1);
    expect((await runInteraction(event(), last, d, { lastTry: true })).outcome).toBe('failed');
    expect(last.answers).toEqual([{ kind: 'error', text: expect.any(String), lang: 'ru' }]);
  });

  it('asks the platform whether the user is an admin only when the event did not say', async () => {
    const settings = { kind: 'settings', change: { patch: { replyOnUnreadable: true } } } as const;
    const asked = recording(0, true);
    await runInteraction(event({ ask: { kind: 'command', request: settings, admin: null } }), asked, deps());
    expect(asked.adminAsked).toBe(1);
    expect(asked.answers[0]).toMatchObject({ kind: 'command', answer: { kind: 'settings', changed: true } });
    const told = recording(0, true);
    await runInteraction(event({ ask: { kind: 'command', request: settings, admin: false } }), told, deps());
    expect(told.adminAsked).toBe(0);
    expect(told.answers[0]).toMatchObject({ kind: 'command', answer: { kind: 'refused' } });
  });

  it('fails a button the adapter has no handler for, and says so on the last try', async () => {
    const t = recording();
    const r = await runInteraction(event({ ask: { kind: 'own', action: 'mystery', data: null } }), t, deps());
    expect(r.outcome).toBe('failed');
    expect(t.answers.map((a) => a.kind)).toEqual(['error']);
  });
});

describe('command and button jobs', () => {
  it('stores one job per platform identity, retries a failed answer, and answers once', async () => {
    const queue = await openQueue('memory://', { options: FAST });
    const d = deps(new Date());
    const jobs = createChatJobs(queue, d, { attempts: 3 });
    const t = recording(1);
    const keys: string[] = [];
    jobs.registerInteractions('slack', async (_e, job) => {
      keys.push(job.key);
      return t;
    });
    const e = event({ answerBy: new Date(Date.now() + 60_000).toISOString() });
    expect(await jobs.enqueueInteraction(e)).toBe('queued');
    expect(await jobs.enqueueInteraction(e)).toBe('duplicate');
    const click = event({
      id: 'T0NEWSROOM:U0JOURNO1:claimdesk_feedback_wrong:1732190710.123456',
      ask: { kind: 'feedback', messageId: '1732190501.000100', entryIds: ['nato-centre'], verdict: 'wrong' },
      answerBy: e.answerBy,
    });
    expect(await jobs.enqueueInteraction(click)).toBe('queued');
    jobs.start();
    const deadline = Date.now() + 5_000;
    while (t.answers.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    await jobs.stop(1_000);
    expect(t.answers.map((a) => a.kind).sort()).toEqual(['command', 'thanks']);
    expect(new Set(keys)).toEqual(new Set([interactionKey(e), interactionKey(click)]));
    expect(interactionKey(click)).toMatch(/^slack:button:/);
    expect((await d.feedback.summary()).total).toEqual({ helpful: 0, wrong: 1 });
    expect(await queue.counts()).toMatchObject({ queued: 0, active: 0, failed: 0 });
  });
});

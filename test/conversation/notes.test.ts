/**
 * The private note and the teaching loop, as rules: NOTE_THRESHOLD in the config, the reply plan's
 * unsure outcome, `/claimcheck missed` and `settings discord-notes` parsing, and answerMissed's
 * checks (one line for every bad input; links stored as text, never fetched).
 */
import { describe, expect, it } from 'vitest';
import { answerMissed, closeIds } from '../../src/conversation/answer-missed.js';
import { parseCommand } from '../../src/conversation/parse-command.js';
import { planReply } from '../../src/conversation/reply-plan.js';
import { phrases } from '../../src/lang/phrases/index.js';
import { silentLogger } from '../../src/logger.js';
import { readConfig } from '../../src/model/config.js';
import { ConfigError } from '../../src/model/errors.js';
import type { CheckDetails, Match } from '../../src/model/types.js';
import { MissedStore } from '../../src/store/missed.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { catalogue } from '../adapters/slack/fake-service.js';
import { scriptedService } from '../helpers/scripted-service.js';

const at = new Date('2026-12-01T09:00:00Z');
const clock = { now: () => at };

function details(url: string, matches: Match[], alert = false): CheckDetails {
  return {
    result: { input: url, url, title: 'T', language: 'en', status: 'ok', error: null, alert, matches },
    article: null,
    notes: [],
    possiblyNewNarrative: null,
    llm: null,
  };
}

const m = (stance: Match['stance'], confidence: number, id = 'nato-centre'): Match => ({
  id,
  kind: 'claim',
  stance,
  confidence,
  method: 'lexical',
  evidence: [{ quote: 'A sentence.' }],
});

describe('NOTE_THRESHOLD', () => {
  it('defaults to 0.35 below the alert threshold, and is read when set', () => {
    expect(readConfig({}).noteThreshold).toBe(0.35);
    expect(readConfig({ NOTE_THRESHOLD: '0.2' }).noteThreshold).toBe(0.2);
    expect(readConfig({ NOTE_THRESHOLD: '0.6', ALERT_THRESHOLD: '0.7' }).noteThreshold).toBe(0.6);
  });

  it('unset with an alert threshold at or below the default: an empty band, no private notes', () => {
    const c = readConfig({ ALERT_THRESHOLD: '0.3' });
    expect(c.noteThreshold).toBe(0.3);
    expect(c.alertThreshold).toBe(0.3);
  });

  it.each([
    [{ NOTE_THRESHOLD: '0.5' }, 'NOTE_THRESHOLD (0.5) must be below ALERT_THRESHOLD (0.5)'],
    [
      { NOTE_THRESHOLD: '0.8', ALERT_THRESHOLD: '0.6' },
      'NOTE_THRESHOLD (0.8) must be below ALERT_THRESHOLD (0.6)',
    ],
    [{ NOTE_THRESHOLD: 'half' }, 'NOTE_THRESHOLD must be a number between 0 and 1, got "half"'],
    [{ NOTE_THRESHOLD: '-0.1' }, 'NOTE_THRESHOLD must be a number between 0 and 1'],
  ])('refuses %j with one line', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
    try {
      readConfig(env);
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('\n');
    }
  });
});

describe('planReply: the unsure note', () => {
  const quiet = { nonAlertReply: 'silent', replyOnUnreadable: false } as const;
  const slack = { noteThreshold: 0.35, privateNotes: true };
  const discord = { noteThreshold: 0.35, privateNotes: false };

  it('a promoting or unclear match between the thresholds: a private note naming only those matches', () => {
    const d = details('https://a.example/1', [m('promotes', 0.42), m('debunks', 0.9, 'us-biolabs')]);
    const plan = planReply([d], quiet, slack);
    expect(plan.kind).toBe('unsure');
    expect(plan.kind === 'unsure' && plan.details[0]?.result.matches).toEqual([m('promotes', 0.42)]);
    expect(planReply([details('https://a.example/1', [m('unclear', 0.35)])], quiet, slack).kind).toBe(
      'unsure',
    );
  });

  it('below NOTE_THRESHOLD, and for reports and debunks at any confidence: no note', () => {
    expect(planReply([details('https://a.example/1', [m('promotes', 0.34)])], quiet, slack)).toEqual({
      kind: 'silent',
      reason: 'reports or debunks',
    });
    expect(planReply([details('https://a.example/1', [m('reports', 0.45)])], quiet, slack).kind).toBe(
      'silent',
    );
  });

  it('an alert on any link of the message: the public alert as today', () => {
    const alert = details('https://a.example/2', [m('promotes', 0.5)], true);
    const unsure = details('https://a.example/1', [m('promotes', 0.42)]);
    const plan = planReply([unsure, alert], quiet, slack);
    expect(plan).toEqual({ kind: 'alert', details: [alert] });
  });

  it('where no private message exists (Discord): the thread when the server asks for it, else nothing', () => {
    const d = details('https://a.example/1', [m('promotes', 0.42)]);
    expect(planReply([d], quiet, discord)).toEqual({
      kind: 'silent',
      reason: 'unsure, no private note here',
    });
    expect(planReply([d], { ...quiet, unsureNotes: 'off' }, discord).kind).toBe('silent');
    expect(planReply([d], { ...quiet, unsureNotes: 'thread' }, discord).kind).toBe('unsure');
    // With quiet notes on, the server keeps today's quiet note ("touches only weakly").
    expect(planReply([d], { nonAlertReply: 'note', replyOnUnreadable: false }, discord).kind).toBe('note');
  });

  it('without a note threshold (a caller that does not know one): as before', () => {
    expect(planReply([details('https://a.example/1', [m('promotes', 0.42)])], quiet).kind).toBe('silent');
  });
});

describe('parsing `missed` and `settings discord-notes`', () => {
  it.each([
    [
      'missed https://news.example/a nato-centre',
      { kind: 'missed', link: 'https://news.example/a', entryId: 'nato-centre', sentence: null },
    ],
    [
      'Missed <https://news.example/a|news.example/a> nato-centre  NATO has opened its centre: see. ',
      {
        kind: 'missed',
        link: '<https://news.example/a|news.example/a>',
        entryId: 'nato-centre',
        sentence: 'NATO has opened its centre: see.',
      },
    ],
    [
      'missed nato-centre https://news.example/a',
      { kind: 'missed', link: 'https://news.example/a', entryId: 'nato-centre', sentence: null },
    ],
    ['missed nato-centre', { kind: 'missed', link: null, entryId: 'nato-centre', sentence: null }],
    ['missed', { kind: 'missed', link: null, entryId: null, sentence: null }],
    ['settings discord-notes thread', { kind: 'settings', change: { patch: { unsureNotes: 'thread' } } }],
    ['settings discord-notes OFF', { kind: 'settings', change: { patch: { unsureNotes: 'off' } } }],
  ] as const)('%j', (text, expected) => {
    expect(parseCommand(text, 'C1')).toEqual(expected);
  });

  it('refuses other values of discord-notes with the settings usage', () => {
    const r = parseCommand('settings discord-notes on', 'C1');
    expect(r.kind === 'invalid' && r.message).toContain('discord-notes thread|off');
  });

  it('a link that starts with "missed" words is still a check', () => {
    expect(parseCommand('missedcall https://news.example/a', 'C1').kind).toBe('check');
  });
});

describe('answerMissed', () => {
  const where = { platform: 'slack' as const, teamId: 'T1', channelId: 'C1', userId: 'U1' };
  function deps() {
    const store = new MemoryStore();
    const service = scriptedService(catalogue, {});
    return { store, service, deps: { service, store, clock, logger: silentLogger } };
  }

  it('stores a report with who, where and when, and thanks in the channel’s language', async () => {
    const x = deps();
    const a = await answerMissed(
      { link: 'https://news.example/a?utm_source=tg', entryId: ' NATO-Centre ', sentence: ' Один  центр. ' },
      where,
      x.deps,
      'ru',
    );
    expect(a).toEqual({ ok: true, text: phrases('ru').missed.thanks('nato-centre', true) });
    expect(await new MissedStore(x.store).list()).toEqual([
      {
        ...where,
        link: 'https://news.example/a',
        entryId: 'nato-centre',
        sentence: 'Один центр.',
        at: at.toISOString(),
      },
    ]);
  });

  it('keeps one report per user, link and entry (the later one wins)', async () => {
    const x = deps();
    const input = { link: 'https://news.example/a', entryId: 'nato-centre', sentence: null };
    await answerMissed(input, where, x.deps);
    await answerMissed({ ...input, sentence: 'Now with a sentence.' }, where, x.deps);
    await answerMissed(input, { ...where, userId: 'U2' }, x.deps);
    const list = await new MissedStore(x.store).list();
    expect(list.map((r) => [r.userId, r.sentence])).toEqual([
      ['U1', 'Now with a sentence.'],
      ['U2', null],
    ]);
  });

  it('an unknown id: one line with the close ids, nothing stored', async () => {
    const x = deps();
    const a = await answerMissed(
      { link: 'https://news.example/a', entryId: 'nato-centr', sentence: null },
      where,
      x.deps,
    );
    expect(a).toEqual({
      ok: false,
      field: 'entry',
      text: 'There is no catalogue entry "nato-centr". Did you mean nato-centre?',
    });
    expect(closeIds('biolabs', x.deps)).toEqual(['us-biolabs']);
    const none = await answerMissed(
      { link: 'https://news.example/a', entryId: 'zzzzzz', sentence: null },
      where,
      x.deps,
    );
    expect(none.ok === false && none.text).toBe(
      'There is no catalogue entry "zzzzzz". Find the id with `/claimcheck <words>`.',
    );
    expect(await new MissedStore(x.store).list()).toEqual([]);
  });

  it('no link, a link that is not http(s), no id, a sentence too long: one line each', async () => {
    const x = deps();
    const p = phrases('en').missed;
    const cases: Array<[Parameters<typeof answerMissed>[0], string, string]> = [
      [{ link: null, entryId: 'nato-centre', sentence: null }, 'link', p.noLink],
      [{ link: 'ftp://files.example/a', entryId: 'nato-centre', sentence: null }, 'link', p.noLink],
      [{ link: 'javascript:alert(1)', entryId: 'nato-centre', sentence: null }, 'link', p.noLink],
      [{ link: 'https://news.example/a', entryId: '  ', sentence: null }, 'entry', p.noEntry],
      [
        { link: 'https://news.example/a', entryId: 'nato-centre', sentence: 'x'.repeat(1001) },
        'sentence',
        p.tooLong(1000),
      ],
    ];
    for (const [input, field, text] of cases) {
      const a = await answerMissed(input, where, x.deps);
      expect(a).toEqual({ ok: false, field, text });
      expect(text).not.toContain('\n');
    }
    expect(await new MissedStore(x.store).list()).toEqual([]);
  });

  it('a private-address link is stored as text and never fetched', async () => {
    const x = deps();
    const a = await answerMissed(
      { link: 'http://10.0.0.5/admin', entryId: 'us-biolabs', sentence: null },
      where,
      x.deps,
    );
    expect(a.ok).toBe(true);
    expect((await new MissedStore(x.store).list())[0]?.link).toBe('http://10.0.0.5/admin');
    expect(x.service.urls).toEqual([]);
    expect(x.service.checks).toEqual([]);
  });
});

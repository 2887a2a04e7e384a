/** The conversation core's pure rules: command parsing, the reply plan, and settings. */
import { describe, expect, it } from 'vitest';
import { answerFeedback, thanks } from '../../src/conversation/answer-button.js';
import { parseCommand, queryLanguage } from '../../src/conversation/parse-command.js';
import { FeedbackStore } from '../../src/store/feedback.js';
import { planReply } from '../../src/conversation/reply-plan.js';
import { SettingsStore } from '../../src/conversation/settings.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { detailsFor, URLS } from '../adapters/slack/fake-service.js';

describe('parseCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['  help ', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['https://news.example/a', { kind: 'check', text: 'https://news.example/a' }],
    ['<https://news.example/a>', { kind: 'check', text: '<https://news.example/a>' }],
    [
      'look at https://news.example/a please',
      { kind: 'check', text: 'look at https://news.example/a please' },
    ],
    ['settings', { kind: 'settings', change: null }],
    ['settings notes on', { kind: 'settings', change: { patch: { nonAlertReply: 'note' } } }],
    ['Settings Notes OFF', { kind: 'settings', change: { patch: { nonAlertReply: 'silent' } } }],
    ['settings unreadable on', { kind: 'settings', change: { patch: { replyOnUnreadable: true } } }],
    ['settings language ru', { kind: 'settings', change: { patch: { language: 'ru' } } }],
    [
      'settings channel-language kk',
      { kind: 'settings', change: { patch: { channelLanguage: { channelId: 'C1', language: 'kk' } } } },
    ],
    [
      'settings channel-language off',
      { kind: 'settings', change: { patch: { channelLanguage: { channelId: 'C1', language: null } } } },
    ],
    ['settings reset', { kind: 'settings', change: { reset: true } }],
    [
      'nato-peacekeeping-centre',
      { kind: 'words', words: 'nato-peacekeeping-centre', maybeId: 'nato-peacekeeping-centre' },
    ],
    ['биолаборатории США', { kind: 'words', words: 'биолаборатории США', maybeId: null }],
    ['nato', { kind: 'words', words: 'nato', maybeId: 'nato' }],
  ] as const)('%j', (text, expected) => {
    expect(parseCommand(text, 'C1')).toEqual(expected);
  });

  it.each([
    'settings notes maybe',
    'settings colour on',
    'settings notes on now',
    'settings reset now',
    'settings language de',
    'settings channel-language',
  ])('rejects %j with the settings usage', (text) => {
    const r = parseCommand(text, 'C1');
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.message).toContain('settings notes on|off');
  });

  it('refuses a lookup that is too long', () => {
    expect(parseCommand('слово '.repeat(200), 'C1').kind).toBe('invalid');
  });

  it('picks the card language from the words', () => {
    expect(queryLanguage('биолаборатории')).toBe('ru');
    expect(queryLanguage('биозертханалар Қазақстанда')).toBe('kk');
    expect(queryLanguage('biolabs')).toBe('en');
  });
});

describe('planReply', () => {
  const all = [URLS.alert, URLS.debunk, URLS.unreadable, URLS.neutral].map(detailsFor);

  it('shows alerts in full and, by default, nothing else', () => {
    const plan = planReply(all, { nonAlertReply: 'silent', replyOnUnreadable: false });
    expect(plan.kind).toBe('alert');
    expect(plan.kind === 'alert' && plan.details.map((d) => d.result.input)).toEqual([URLS.alert]);
  });

  it('adds reporting/debunking notes and unreadable lines when the workspace wants them', () => {
    const plan = planReply(all, { nonAlertReply: 'note', replyOnUnreadable: true });
    expect(plan.kind === 'alert' && plan.details.map((d) => d.result.input)).toEqual([
      URLS.alert,
      URLS.debunk,
      URLS.unreadable,
    ]);
    const quiet = planReply(all.slice(1), { nonAlertReply: 'note', replyOnUnreadable: false });
    expect(quiet).toEqual({ kind: 'note', details: [detailsFor(URLS.debunk)] });
  });

  it('is silent, with the reason, when nothing is worth saying', () => {
    const chatty = { nonAlertReply: 'note', replyOnUnreadable: true } as const;
    const quiet = { nonAlertReply: 'silent', replyOnUnreadable: false } as const;
    expect(planReply([detailsFor(URLS.neutral)], chatty)).toEqual({
      kind: 'silent',
      reason: 'nothing found',
    });
    expect(planReply([detailsFor(URLS.debunk)], quiet)).toEqual({
      kind: 'silent',
      reason: 'reports or debunks',
    });
    expect(planReply([detailsFor(URLS.unreadable)], quiet)).toEqual({ kind: 'silent', reason: 'unreadable' });
    expect(planReply([], chatty)).toEqual({ kind: 'silent', reason: 'nothing found' });
  });
});

describe('settings', () => {
  const defaults = { nonAlertReply: 'silent', replyOnUnreadable: false, language: 'en' } as const;

  it('falls back to the defaults, ignores a malformed stored value, records who changed them, and resets', async () => {
    const store = new MemoryStore();
    const s = new SettingsStore(store, defaults);
    expect(await s.read('slack', 'T1')).toEqual({
      ...defaults,
      channelLanguages: {},
      digest: null,
      updatedBy: null,
      updatedAt: null,
    });
    await store.set('settings:slack:T1', { nonAlertReply: 'loud', replyOnUnreadable: 'yes' });
    expect(await s.read('slack', 'T1')).toMatchObject(defaults);
    const at = new Date('2026-11-21T10:00:00Z');
    await s.write('slack', 'T1', { nonAlertReply: 'note' }, { userId: 'U1', at });
    await s.write('slack', 'T1', { replyOnUnreadable: true, language: 'ru' }, { userId: 'U2', at });
    expect(await s.read('slack', 'T1')).toEqual({
      nonAlertReply: 'note',
      replyOnUnreadable: true,
      language: 'ru',
      channelLanguages: {},
      digest: null,
      updatedBy: 'U2',
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    // The same workspace id on another platform is another scope.
    expect(await s.read('discord', 'T1')).toMatchObject(defaults);
    await s.write('slack', 'T1', null, { userId: 'U3', at });
    expect(await s.read('slack', 'T1')).toMatchObject({ ...defaults, updatedBy: 'U3' });
  });

  it('lets one channel reply in another language than its workspace', async () => {
    const s = new SettingsStore(new MemoryStore(), defaults);
    const by = { userId: 'U1', at: new Date() };
    await s.write('discord', 'G1', { language: 'ru' }, by);
    await s.write('discord', 'G1', { channelLanguage: { channelId: 'C-kk', language: 'kk' } }, by);
    expect((await s.forChannel('discord', 'G1', 'C-kk')).language).toBe('kk');
    expect((await s.forChannel('discord', 'G1', 'C-other')).language).toBe('ru');
    await s.write('discord', 'G1', { channelLanguage: { channelId: 'C-kk', language: null } }, by);
    expect((await s.forChannel('discord', 'G1', 'C-kk')).language).toBe('ru');
  });
});

describe('answerFeedback (buttons on every platform)', () => {
  it('stores the vote without ids the catalogue no longer has, and thanks in the channel’s language', async () => {
    const store = new MemoryStore();
    const feedback = new FeedbackStore(store);
    const service = { entry: (id: string) => (id === 'known' ? ({ id } as never) : undefined) };
    const vote = {
      platform: 'slack' as const,
      teamId: 'T1',
      channelId: 'C1',
      messageId: '1.2',
      entryIds: ['known', 'removed-since'],
      verdict: 'wrong' as const,
      userId: 'U1',
    };
    const answer = await answerFeedback(vote, { service, feedback }, 'ru');
    expect(answer.entryIds).toEqual(['known']);
    expect(answer.text).toBe(thanks('wrong', 'ru'));
    expect(answer.text).toMatch(/^Спасибо/);
    expect((await feedback.summary()).total).toEqual({ helpful: 0, wrong: 1 });
  });
});

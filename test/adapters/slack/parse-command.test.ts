import { describe, expect, it } from 'vitest';
import { parseCommand, queryLanguage } from '../../../src/adapters/slack/parse-command.js';
import { planChannelReply } from '../../../src/adapters/slack/reply-policy.js';
import { readSettings, writeSettings } from '../../../src/adapters/slack/settings.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { detailsFor, URLS } from './fake-service.js';

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
    ['settings reset', { kind: 'settings', change: { reset: true } }],
    [
      'nato-peacekeeping-centre',
      { kind: 'words', words: 'nato-peacekeeping-centre', maybeId: 'nato-peacekeeping-centre' },
    ],
    ['биолаборатории США', { kind: 'words', words: 'биолаборатории США', maybeId: null }],
    ['nato', { kind: 'words', words: 'nato', maybeId: 'nato' }],
  ] as const)('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    'settings notes maybe',
    'settings colour on',
    'settings notes on now',
    'settings reset now',
  ])('rejects %j with the settings usage', (text) => {
    const r = parseCommand(text);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.message).toContain('/claimcheck settings notes on|off');
  });

  it('refuses a lookup that is too long', () => {
    expect(parseCommand('слово '.repeat(200)).kind).toBe('invalid');
  });

  it('picks the card language from the words', () => {
    expect(queryLanguage('биолаборатории')).toBe('ru');
    expect(queryLanguage('биозертханалар Қазақстанда')).toBe('kk');
    expect(queryLanguage('biolabs')).toBe('en');
  });
});

describe('planChannelReply', () => {
  const all = [URLS.alert, URLS.debunk, URLS.unreadable, URLS.neutral].map(detailsFor);

  it('shows alerts in full and, by default, nothing else', () => {
    const plan = planChannelReply(all, { nonAlertReply: 'silent', replyOnUnreadable: false });
    expect(plan?.mode).toBe('full');
    expect(plan?.details.map((d) => d.result.input)).toEqual([URLS.alert]);
  });

  it('adds reporting/debunking notes and unreadable lines when the workspace wants them, never empty results', () => {
    const plan = planChannelReply(all, { nonAlertReply: 'note', replyOnUnreadable: true });
    expect(plan?.details.map((d) => d.result.input)).toEqual([URLS.alert, URLS.debunk, URLS.unreadable]);
    const quiet = planChannelReply(all.slice(1), { nonAlertReply: 'note', replyOnUnreadable: false });
    expect(quiet).toEqual({ mode: 'quiet', details: [detailsFor(URLS.debunk)] });
  });

  it('is silent when nothing is worth saying', () => {
    expect(
      planChannelReply([detailsFor(URLS.neutral)], { nonAlertReply: 'note', replyOnUnreadable: true }),
    ).toBeNull();
    expect(planChannelReply([], { nonAlertReply: 'note', replyOnUnreadable: true })).toBeNull();
  });
});

describe('workspace settings', () => {
  const defaults = { nonAlertReply: 'silent', replyOnUnreadable: false } as const;

  it('falls back to the defaults, ignores a malformed stored value, and resets', async () => {
    const store = new MemoryStore();
    expect(await readSettings(store, 'T1', defaults)).toEqual({
      ...defaults,
      updatedBy: null,
      updatedAt: null,
    });
    await store.set('settings:slack:T1', { nonAlertReply: 'loud', replyOnUnreadable: 'yes' });
    expect(await readSettings(store, 'T1', defaults)).toMatchObject(defaults);
    const at = new Date('2026-11-21T10:00:00Z');
    await writeSettings(store, 'T1', defaults, { nonAlertReply: 'note' }, { userId: 'U1', at });
    await writeSettings(store, 'T1', defaults, { replyOnUnreadable: true }, { userId: 'U2', at });
    expect(await readSettings(store, 'T1', defaults)).toEqual({
      nonAlertReply: 'note',
      replyOnUnreadable: true,
      updatedBy: 'U2',
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(await readSettings(store, 'T2', defaults)).toMatchObject(defaults);
    await writeSettings(store, 'T1', defaults, null, { userId: 'U3', at });
    expect(await readSettings(store, 'T1', defaults)).toMatchObject({ ...defaults, updatedBy: 'U3' });
  });
});

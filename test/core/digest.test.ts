/**
 * The digest's pure parts: buildDigest's counting rules, the words of `/claimcheck digest` and
 * `settings digest`, and the renderings (plain, Slack, Discord) in each language, with hostile
 * page titles made inert.
 */
import { describe, expect, it } from 'vitest';
import { renderDigestEmbed } from '../../src/adapters/discord/render-digest.js';
import { renderDigestBlocks } from '../../src/adapters/slack/render-digest.js';
import { parseCommand, parseSettings } from '../../src/conversation/parse-command.js';
import { channelOf } from '../../src/conversation/parse-digest.js';
import type { Digest } from '../../src/model/digest.js';
import type { CheckRecord } from '../../src/model/history.js';
import { buildDigest } from '../../src/pipeline/digest.js';
import { parseDigestDays } from '../../src/pipeline/digest-service.js';
import { renderDigestText } from '../../src/pipeline/render-digest.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';
import { ANY_CONTROL, HOSTILE } from '../helpers/hostile-text.js';

const catalogue = testCatalogue([testEntry({ id: 'entry-a' }), testEntry({ id: 'entry-b' })]);

function rec(id: string, over: Partial<CheckRecord>): CheckRecord {
  return {
    id,
    at: '2026-11-18T10:00:00.000Z',
    surface: 'slack',
    teamId: 'T1',
    channelId: 'C1',
    url: `https://news.example/${id}`,
    title: null,
    outcome: 'silent',
    errorCode: null,
    entries: [],
    catalogueVersion: 'v1',
    ...over,
  };
}

const window = { from: new Date('2026-11-14T00:00:00Z'), to: new Date('2026-11-21T00:00:00Z') };

describe('buildDigest', () => {
  it('counts an entry’s alert only when that entry itself alerted, at the threshold', () => {
    const records = [
      rec('r1', {
        outcome: 'alert',
        entries: [
          { id: 'entry-a', stance: 'promotes', confidence: 0.9 },
          // Beside the alert, below the threshold: a check of entry-b, not an alert on it.
          { id: 'entry-b', stance: 'unclear', confidence: 0.2 },
        ],
      }),
      rec('r2', { outcome: 'note', entries: [{ id: 'entry-b', stance: 'reports', confidence: 0.8 }] }),
      rec('r3', { outcome: 'unreadable', errorCode: 'timeout', url: null }),
    ];
    const d = buildDigest({
      records,
      catalogue,
      feedback: { helpful: 0, wrong: 0 },
      ...window,
      alertThreshold: 0.5,
      lang: 'ru',
    });
    expect(d).toMatchObject({ checks: 3, alerts: 1, unreadable: 1 });
    expect(d.entries.map((e) => [e.id, e.checks, e.alerts, e.reports, e.debunks])).toEqual([
      ['entry-a', 1, 1, 0, 0],
      ['entry-b', 2, 0, 1, 0],
    ]);
    // Titles in the asked language.
    expect(d.entries[0]?.title).toBe('Заголовок entry-a');
    // An entry the catalogue no longer has keeps its id as the title.
    const gone = buildDigest({
      records: [rec('r4', { entries: [{ id: 'removed', stance: 'reports', confidence: 1 }] })],
      catalogue,
      feedback: { helpful: 0, wrong: 0 },
      ...window,
    });
    expect(gone.entries[0]?.title).toBe('removed');
  });
});

describe('digest words', () => {
  it.each([
    ['digest', { kind: 'digest', days: 7 }],
    ['Digest 30', { kind: 'digest', days: 30 }],
    ['digest 366', { kind: 'digest', days: 366 }],
  ] as const)('%j', (text, expected) => {
    expect(parseCommand(text, 'C1')).toEqual(expected);
  });

  it.each(['digest 0', 'digest 367', 'digest seven', 'digest 7 days', 'digest -1'])('rejects %j', (t) => {
    const r = parseCommand(t, 'C1');
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.message).toContain('/claimcheck digest');
  });

  it.each([
    ['settings digest <#C0NEWSDESK|newsdesk> weekly', 'C0NEWSDESK'],
    ['settings digest <#C0NEWSDESK> weekly', 'C0NEWSDESK'],
    ['settings digest <#123456789012345678> weekly', '123456789012345678'],
    ['settings digest 123456789012345678 on', '123456789012345678'],
    ['settings DIGEST here WEEKLY', 'C9HERE'],
    ['settings digest weekly', 'C9HERE'],
  ])('%j → a weekly digest in %s (the id as the platform spells it)', (text, channelId) => {
    const [, ...args] = text.split(/\s+/);
    expect(parseSettings(args, 'C9HERE')).toEqual({
      kind: 'settings',
      change: { patch: { digest: { channelId, every: 'weekly' } } },
    });
  });

  it('turns the digest off, with or without the channel', () => {
    const off = { kind: 'settings', change: { patch: { digest: null } } };
    expect(parseCommand('settings digest off', 'C1')).toEqual(off);
    expect(parseCommand('settings digest <#C0NEWSDESK|x> off', 'C1')).toEqual(off);
  });

  it.each([
    'settings digest',
    'settings digest #newsdesk weekly',
    'settings digest <#C0NEWSDESK|x> daily',
    'settings digest <@U123> weekly',
    'settings digest <#C0NEWSDESK> <#C0OTHER> weekly',
    'settings digest nonsense off',
  ])('rejects %j with the digest settings usage', (text) => {
    const r = parseCommand(text, 'C1');
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.message).toContain('settings digest #channel weekly');
  });

  it('reads channel mentions and nothing else as channels', () => {
    expect(channelOf('<#C0ABC|general>', 'X')).toBe('C0ABC');
    expect(channelOf('<#c0abc|general>', 'X')).toBeNull();
    expect(channelOf('<!channel>', 'X')).toBeNull();
    expect(channelOf('<#123>', 'X')).toBeNull();
  });

  it('parses the days of the API and the command line the same way', () => {
    expect(parseDigestDays(undefined)).toEqual({ days: 7 });
    expect(parseDigestDays(' 14 ')).toEqual({ days: 14 });
    for (const bad of ['0', '1e3', '7.5', 'abc', '367', '99999'])
      expect(parseDigestDays(bad)).toHaveProperty('error');
  });
});

const hostileDigest: Digest = {
  from: '2026-11-14T00:00:00.000Z',
  to: '2026-11-21T00:00:00.000Z',
  checks: 4,
  alerts: 2,
  unreadable: 1,
  entries: [
    {
      id: 'entry-a',
      title: `Title ${HOSTILE}`,
      checks: 3,
      alerts: 2,
      reports: 1,
      debunks: 0,
      links: [
        { url: 'https://news.example/a?x=1&y=<2>', title: HOSTILE, at: '2026-11-18T10:00:00.000Z' },
        { url: 'javascript:alert(1)', title: 'click me', at: '2026-11-17T10:00:00.000Z' },
      ],
    },
  ],
  feedback: { helpful: 5, wrong: 1 },
};

describe('digest renderings', () => {
  it('plain text: totals, feedback, entries with their links, in each language', () => {
    const en = renderDigestText(hostileDigest, 'en');
    expect(en).toContain('Digest of the last 7 days (2026-11-14 – 2026-11-21)');
    expect(en).toContain('Checks: 4 · alerts: 2 · unreadable: 1');
    expect(en).toContain('Feedback: helpful 5 · wrong match 1');
    expect(en).toContain('checks 3 · alerts 2 · reports 1 · debunks 0');
    expect(en).toContain('https://news.example/a?x=1&y=<2>');
    expect(en).not.toMatch(ANY_CONTROL);
    expect(renderDigestText(hostileDigest, 'ru')).toContain('Проверок: 4 · предупреждений: 2');
    expect(renderDigestText(hostileDigest, 'kk')).toContain('Тексеру: 4 · ескерту: 2');
    const empty = renderDigestText({ ...hostileDigest, entries: [] }, 'en');
    expect(empty).toContain('No catalogue entry came up');
  });

  it('Slack: no mention, broadcast, forged link or control survives; only http(s) is linked', () => {
    const msg = renderDigestBlocks(hostileDigest, 'en');
    const all = JSON.stringify(msg);
    expect(all).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
    expect(all).not.toMatch(ANY_CONTROL);
    expect(all).not.toContain('javascript:');
    expect(all).toContain('<https://news.example/a?x=1&amp;y=%3C2%3E|');
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(msg.text).toContain('Checks: 4');
  });

  it('Slack: keeps within Block Kit limits with many entries and says how many were left out', () => {
    const [first] = hostileDigest.entries;
    if (!first) throw new Error('the test digest has an entry');
    const many: Digest = {
      ...hostileDigest,
      entries: Array.from({ length: 40 }, (_, i) => ({ ...first, id: `e${i}` })),
    };
    const msg = renderDigestBlocks(many, 'en');
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    for (const b of msg.blocks) expect(JSON.stringify(b).length).toBeLessThan(3_200);
    expect(JSON.stringify(msg.blocks)).toContain('and 30 more entries');
  });

  it('Discord: one embed within limits, markdown and mentions escaped', () => {
    const embed = renderDigestEmbed(hostileDigest, 'kk');
    expect(embed.title).toBe('Соңғы 7 күндегі шолу (2026-11-14 – 2026-11-21)');
    const d = embed.description ?? '';
    expect(d.length).toBeLessThanOrEqual(4096);
    expect(d).not.toMatch(ANY_CONTROL);
    expect(d).not.toMatch(/(^|[^\\])@everyone|(^|[^\\])<@U123>|(^|[^\\])\[click\]/);
    expect(d).not.toContain('javascript:');
    expect(d).toContain('](https://news.example/a?x=1&y=%3C2%3E)');
  });
});

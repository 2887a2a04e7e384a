/** Hostile article text in Discord embeds, notes and thread names: no controls, no markup, no pings. */
import { describe, expect, it } from 'vitest';
import { renderCardEmbed, renderReplyEmbeds } from '../../../src/adapters/discord/render-embeds.js';
import { noteText, threadName } from '../../../src/adapters/discord/reply-policy.js';
import type { EntryCard } from '../../../src/pipeline/entry-card.js';
import { ANY_CONTROL, HOSTILE, hostileEntry, hostileItem, hostileReply } from '../../helpers/hostile-text.js';

function strings(n: unknown, out: string[] = []): string[] {
  if (typeof n === 'string') out.push(n);
  else if (Array.isArray(n)) for (const x of n) strings(x, out);
  else if (n && typeof n === 'object') for (const v of Object.values(n)) strings(v, out);
  return out;
}

/** Markdown that would act when not preceded by a backslash. */
const LIVE = [
  /(?<!\\)@everyone/,
  /(?<!\\)@here/,
  /(?<!\\)\[click/,
  /(?<!\\)\*URGENT/,
  /(?<!\\)\|\|spoiler/,
  /(?<!\\)<@U123/,
];

function expectSafe(texts: string[]): void {
  expect(texts.join('')).toContain('URGENT');
  for (const s of texts) {
    expect(s).not.toMatch(ANY_CONTROL);
    for (const re of LIVE) expect(s).not.toMatch(re);
    expect(s).not.toMatch(/^\s*(#|>|-|1\.) ?(Heading|quoted|item|first)/m);
  }
}

describe('Discord: untrusted strings', () => {
  it('embed titles, fields, evidence, site names, notes and the content line are made safe', () => {
    const { content, embeds } = renderReplyEmbeds(hostileReply());
    expectSafe([content, ...strings(embeds)]);
    // The article title is the embed title: one line, escaped.
    expect(embeds[0]?.title).toMatch(/^Title .*\\\*URGENT\\\*/);
    expect(embeds[0]?.title).not.toContain('\n');
  });

  it('more links than embeds: the summary embed is made safe too', () => {
    const items = Array.from({ length: 12 }, (_, i) => hostileItem({ url: `https://news.example/${i}` }));
    expectSafe(strings(renderReplyEmbeds(hostileReply(items)).embeds));
  });

  it('thread names carry no controls and stay one line', () => {
    for (const reply of [hostileReply(), hostileReply([hostileItem({ alert: false, entries: [] })])]) {
      const name = threadName(reply);
      expect(name).not.toMatch(ANY_CONTROL);
      expect(name).not.toContain('\n');
      expect(name.length).toBeLessThanOrEqual(100);
      expect(name.length).toBeGreaterThan(0);
    }
  });

  it('a quiet note or an unreadable line is made safe', () => {
    const note = hostileItem({
      alert: false,
      entries: [hostileEntry({ stance: 'reports', alerting: false })],
    });
    const bad = hostileItem({
      status: 'error',
      url: null,
      input: HOSTILE,
      errorMessage: HOSTILE,
      entries: [],
    });
    expectSafe([noteText({ ...hostileReply([note, bad]), alert: false })]);
  });

  it('catalogue cards are made safe', () => {
    const e = hostileEntry();
    const card: EntryCard = {
      id: e.id,
      kind: e.kind,
      title: e.title,
      rating: e.rating,
      summary: `Summary ${HOSTILE}`,
      context: e.context,
      parent: e.parent,
      denials: e.denials,
      noOfficialDenial: `None ${HOSTILE}`,
      firstSeen: '2024-01-01',
      updated: '2024-02-01',
    };
    expectSafe(strings(renderCardEmbed(card, 'v1')));
  });
});

import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { fitEmbeds, totalChars } from '../../../src/adapters/discord/fit-embeds.js';
import { escapeMd, LIMITS, noUnfurl, safeUrl, truncate } from '../../../src/adapters/discord/limits.js';
import { renderReplyEmbeds } from '../../../src/adapters/discord/render-embeds.js';
import type { Reply, ReplyEntry, ReplyItem } from '../../../src/model/reply.js';

function entry(i: number, over: Partial<ReplyEntry> = {}): ReplyEntry {
  return {
    id: `entry-${i}`,
    kind: 'claim',
    title: `Entry ${i}`,
    rating: 'false',
    context: 'What is true.',
    parent: null,
    denials: [],
    noOfficialDenial: null,
    stance: 'promotes',
    confidence: 0.9,
    method: 'lexical',
    evidence: 'A sentence.',
    alerting: true,
    ...over,
  };
}

function item(entries: ReplyEntry[], over: Partial<ReplyItem> = {}): ReplyItem {
  return {
    input: 'https://news.example/a',
    url: 'https://news.example/a',
    title: 'An article',
    status: 'ok',
    errorMessage: null,
    alert: true,
    verdict: 'This article repeats a known false claim: Entry 0.',
    entries,
    notes: [],
    ...over,
  };
}

function reply(items: ReplyItem[], over: Partial<Reply> = {}): Reply {
  return {
    lang: 'en',
    alert: true,
    headline: 'Headline',
    items,
    skippedLinks: 0,
    catalogueVersion: 'v1',
    ...over,
  };
}

/** Every limit Discord enforces on a message's embeds. */
function expectWithinLimits(embeds: APIEmbed[]) {
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(totalChars(embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  }
}

describe('renderReplyEmbeds', () => {
  it('renders one embed per link, the verdict first, and the catalogue version in the footer', () => {
    const r = reply([item([entry(0)])], { skippedLinks: 2 });
    const { content, embeds } = renderReplyEmbeds(r);
    expect(content).toBe('Headline');
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.description).toBe('**This article repeats a known false claim: Entry 0.**');
    expect(embeds[0]?.footer?.text).toBe(
      'claimdesk · catalogue version v1 · 2 more links were not checked (limit per message).',
    );
  });

  it('keeps a huge reply within every Discord limit', () => {
    const long = 'x'.repeat(5000);
    const entries = Array.from({ length: 12 }, (_, i) =>
      entry(i, {
        title: `T${'t'.repeat(400)}`,
        context: long,
        evidence: long,
        denials: Array.from({ length: 3 }, () => ({
          who: long.slice(0, 300),
          type: 'official' as const,
          date: '2023-10-25',
          url: 'https://example.org/d',
          via: null,
          quote: long.slice(0, 500),
        })),
      }),
    );
    const items = Array.from({ length: 14 }, (_, i) =>
      item(entries, { title: `${i}${'a'.repeat(600)}`, verdict: long, notes: [long] }),
    );
    const { content, embeds } = renderReplyEmbeds(reply(items, { headline: long }));
    expect(content.length).toBeLessThanOrEqual(LIMITS.content);
    expectWithinLimits(embeds);
  });

  it('names the entries that did not fit in 25 fields', () => {
    const entries = Array.from({ length: 9 }, (_, i) => entry(i));
    const [embed] = renderReplyEmbeds(reply([item(entries)])).embeds;
    const last = embed?.fields?.at(-1);
    expect(embed?.fields).toHaveLength(25);
    expect(last?.name).toBe('Also matched');
    expect(last?.value).toBe('- Entry 8 (`entry-8`)');
  });

  it('summarises links beyond ten in a tenth embed', () => {
    const items = Array.from({ length: 12 }, (_, i) =>
      item([], { title: `Article ${i}`, verdict: `Verdict ${i}` }),
    );
    const { embeds } = renderReplyEmbeds(reply(items));
    expect(embeds).toHaveLength(10);
    expect(embeds[9]?.title).toBe('3 more links');
    expect(embeds[9]?.description).toContain('Article 11: Verdict 11');
  });

  it('keeps an embed url only when it is an absolute http(s) address', () => {
    const bad = renderReplyEmbeds(reply([item([], { url: 'javascript:alert(1)' })])).embeds[0];
    expect(bad?.url).toBeUndefined();
    expect(safeUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
  });

  it('says when there is no official denial', () => {
    const [embed] = renderReplyEmbeds(
      reply([item([entry(0, { noOfficialDenial: 'None was found.' })])]),
    ).embeds;
    expect(embed?.fields?.find((f) => f.name === 'Denials')?.value).toBe(
      '- No official denial: None was found.',
    );
  });
});

describe('fitEmbeds', () => {
  it('returns embeds that fit unchanged', () => {
    const e: APIEmbed[] = [{ title: 'a', description: 'b', fields: [{ name: 'c', value: 'd' }] }];
    expect(fitEmbeds(e)).toEqual(e);
  });

  it('shortens field values before dropping anything', () => {
    const e: APIEmbed[] = Array.from({ length: 2 }, () => ({
      title: 't',
      fields: Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1000) })),
    }));
    const out = fitEmbeds(e);
    expect(totalChars(out)).toBeLessThanOrEqual(6000);
    expect(out.map((x) => x.fields?.length)).toEqual([5, 5]);
  });
});

describe('text helpers', () => {
  it('truncates without splitting a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('escapes Markdown that could link, format, quote or mention', () => {
    expect(escapeMd('[x](https://e.example) **b** @everyone')).toBe(
      '\\[x\\]\\(https://e.example\\) \\*\\*b\\*\\* \\@everyone',
    );
    expect(escapeMd('# heading\n- item\n> quote')).toBe('\\# heading\n\\- item\n\\> quote');
    expect(escapeMd('кто-то')).toBe('кто-то');
  });

  it('wraps bare links so Discord does not unfurl them, leaving punctuation outside', () => {
    expect(noUnfurl('see https://a.example/x, and <https://b.example/>.')).toBe(
      'see <https://a.example/x>, and <https://b.example/>.',
    );
    expect(noUnfurl('https://a.example/x: gone')).toBe('<https://a.example/x>: gone');
  });
});

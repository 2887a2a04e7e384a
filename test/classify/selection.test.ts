/** Narrative retrieval, candidate selection and the article excerpt, without the network. */
import { describe, expect, it } from 'vitest';
import { renderCandidates, selectCandidates } from '../../src/classify/candidates.js';
import { buildExcerpt, passagesWithKeys, splitPassages } from '../../src/classify/excerpt.js';
import { buildRetrievalIndex, retrievalIndexFor } from '../../src/classify/retrieval.js';
import { estimateTokens } from '../../src/classify/tokens.js';
import { termKeys } from '../../src/text/normalize.js';
import { BIOLABS_SENTENCE, catalogue, lexicalMatch } from './setup.js';

describe('narrative retrieval (BM25 over the catalogue)', () => {
  const index = buildRetrievalIndex(catalogue.entries, termKeys);

  it('ranks the right entry first for paraphrases in English and Russian with no lexical pattern hit', () => {
    const en = index.search(
      termKeys('Washington pays for secret laboratories making biological weapons on Kazakh soil'),
      3,
    );
    expect(en[0]?.id).toBe('us-biolabs-in-kazakhstan');
    const ru = index.search(termKeys('Астана предала союзника и смотрит на Запад'), 3);
    expect(ru[0]?.id).toBe('kazakhstan-turning-west');
    const regiment = index.search(termKeys('Officials banned the march of the Immortal Regiment'), 3);
    expect(regiment[0]?.id).toBe('immortal-regiment-deepfakes');
  });

  it('finds nothing for text that shares no terms with the catalogue', () => {
    expect(index.search(termKeys('Quarterly wheat harvest figures rose sharply'), 3)).toEqual([]);
  });

  it('is built once per catalogue object', () => {
    expect(retrievalIndexFor(catalogue, termKeys)).toBe(retrievalIndexFor(catalogue, termKeys));
  });
});

describe('selectCandidates', () => {
  it('puts lexical hits first, then their parent narrative, then retrieval hits; capped', () => {
    const hits = [
      { id: 'immortal-regiment-deepfakes', score: 5 },
      { id: 'us-biolabs-in-kazakhstan', score: 4 },
      { id: 'not-in-catalogue', score: 3 },
    ];
    const out = selectCandidates(catalogue, [lexicalMatch('nato-peacekeeping-centre')], hits, {
      maxCandidates: 8,
      maxRetrieved: 5,
      minRelativeScore: 0.25,
    });
    expect(out.map((c) => [c.entry.id, c.source])).toEqual([
      ['nato-peacekeeping-centre', 'lexical'],
      ['kazakhstan-turning-west', 'parent'],
      ['immortal-regiment-deepfakes', 'retrieval'],
      ['us-biolabs-in-kazakhstan', 'retrieval'],
    ]);
    const capped = selectCandidates(catalogue, [], hits, {
      maxCandidates: 8,
      maxRetrieved: 5,
      minRelativeScore: 0.9,
    });
    expect(capped.map((c) => c.entry.id)).toEqual(['immortal-regiment-deepfakes']);
    const two = selectCandidates(catalogue, [lexicalMatch('nato-peacekeeping-centre')], hits, {
      maxCandidates: 2,
      maxRetrieved: 5,
      minRelativeScore: 0,
    });
    expect(two).toHaveLength(2);
  });

  it('renders within a budget: examples go first, then the lowest-ranked candidates', () => {
    const all = selectCandidates(
      catalogue,
      [],
      catalogue.entries.map((e, i) => ({ id: e.id, score: 10 - i })),
    );
    const full = renderCandidates(all, 'en', 10_000);
    expect(full.shown).toHaveLength(4);
    expect(full.text).toContain('Examples of texts that promote it:');
    const tight = renderCandidates(all, 'en', 150);
    expect(tight.tokens).toBeLessThanOrEqual(150);
    expect(tight.shown.length).toBeLessThan(4);
    expect(tight.shown[0]?.entry.id).toBe(all[0]?.entry.id);
    expect(estimateTokens(tight.text)).toBe(tight.tokens);
  });
});

describe('the excerpt', () => {
  it('keeps every character range of the text in passage offsets', () => {
    const text = `First paragraph. Still first.\n\n${'A long sentence that goes on. '.repeat(60)}\n\nLast.`;
    const ps = splitPassages(text);
    expect(ps.length).toBeGreaterThan(3);
    for (const p of ps) expect(text.slice(p.start, p.end).trim()).toBe(p.text);
    expect(ps.every((p) => p.text.length <= 1_200)).toBe(true);
  });

  it('sends a short article whole, and marks gaps in a long one', () => {
    const short = `Lead.\n\n${BIOLABS_SENTENCE}`;
    const a = buildExcerpt({
      article: { title: 'T', text: short, language: 'en' },
      lexical: [],
      ...passagesWithKeys(short, termKeys),
      weight: () => 0,
      budget: 500,
    });
    expect(a.complete).toBe(true);
    expect(a.text).toBe(`Title: T\nLanguage: en\nText:\nLead.\n\n${BIOLABS_SENTENCE}`);

    const long = [
      'Lead paragraph.',
      ...Array.from({ length: 200 }, (_, i) => `Filler paragraph number ${i}.`),
      BIOLABS_SENTENCE,
      'Tail.',
    ].join('\n\n');
    const b = buildExcerpt({
      article: { title: null, text: long, language: null },
      lexical: [lexicalMatch('us-biolabs-in-kazakhstan')],
      ...passagesWithKeys(long, termKeys),
      weight: () => 0,
      budget: 120,
    });
    expect(b.complete).toBe(false);
    expect(b.tokens).toBeLessThanOrEqual(120);
    expect(b.text).toMatch(/^Title: \(none\)\nLanguage: unknown\nText:\nLead paragraph\./);
    expect(b.text).toContain(`[…]\n\nFiller paragraph number 199.\n\n${BIOLABS_SENTENCE}\n\nTail.`);
  });
});

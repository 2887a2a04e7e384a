/**
 * Candidates from examples (issue 12): an entry's `examples.match` texts are a retrieval source, so
 * adding a missed sentence teaches the matcher; generic words never match, and an entry's own
 * `no_match` examples stay unflagged (for every entry of the real catalogue too).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const definition = {
  concepts: { drones: { en: ['drone*'], ru: ['дрон*'], kk: ['дрон*'] }, launch: { en: ['launched from'] } },
  patterns: [['drones', 'launch']],
};

function entry(extra: { lang: 'en' | 'ru' | 'kk'; text: string }[]) {
  return testEntry({
    id: 'grain-poisoned',
    match: definition,
    examples: {
      match: [
        { lang: 'en', text: 'Drones launched from the steppe.' },
        { lang: 'en', text: 'The drones were launched from Aktobe.' },
        ...extra,
      ],
      no_match: [{ lang: 'en', text: 'Farmers harvested wheat near Kostanay while exporters waited.' }],
    },
  });
}

const missed = [
  {
    lang: 'en' as const,
    text: 'Kostanay granaries shipped poisoned wheat to Siberian bakeries deliberately.',
  },
  { lang: 'ru' as const, text: 'Костанайские элеваторы отправили отравленную пшеницу сибирским пекарням.' },
  { lang: 'kk' as const, text: 'Қостанай элеваторлары уланған бидайды сібір наубайханаларына жөнелтті.' },
];

describe('candidates from examples', () => {
  it.each(missed)('an added example teaches the matcher ($lang)', (example) => {
    const before = createLexicalMatcher(testCatalogue([entry([])]));
    const after = createLexicalMatcher(testCatalogue([entry([example])]));
    const article = {
      text: `Local news. ${example.text.replace(/\.$/, '')}, insiders say. Nothing else.`,
      title: null,
      language: example.lang,
    };
    expect(before.match(article)).toEqual([]);
    const m = after.match(article)[0];
    expect(m?.id).toBe('grain-poisoned');
    expect(m?.stance).toBe('promotes');
    expect(m?.why).toMatch(/examples/);
    expect(article.text).toContain(m?.evidence[0]?.quote ?? '<none>');
  });

  it('matches inflected and reworded forms through stemming', () => {
    const m = createLexicalMatcher(testCatalogue([entry([missed[1] as (typeof missed)[1]])]));
    const res = m.match({
      text: 'Сибирским пекарням отправили пшеницу: элеваторы костанайские, пшеница отравленная.',
      title: null,
      language: 'ru',
    });
    expect(res[0]?.id).toBe('grain-poisoned');
  });

  it('needs several rare words: a few shared ones are not enough', () => {
    const m = createLexicalMatcher(testCatalogue([entry([missed[0] as (typeof missed)[0]])]));
    const res = m.match({ text: 'Kostanay granaries shipped wheat to Europe.', title: null, language: 'en' });
    expect(res).toEqual([]);
  });

  it('ignores words the entry lists in its no_match examples', () => {
    const m = createLexicalMatcher(testCatalogue([entry([missed[0] as (typeof missed)[0]])]));
    // "Kostanay" and "wheat" are in the no_match example: only three rare words remain here.
    const res = m.match({
      text: 'Kostanay granaries shipped wheat to Siberian buyers.',
      title: null,
      language: 'en',
    });
    expect(res).toEqual([]);
  });

  it('ignores words that the examples of many entries share', () => {
    const shared = 'Government officials announced yesterday important regional developments.';
    const entries = ['e-one', 'e-two', 'e-three'].map((id) =>
      testEntry({
        id,
        match: definition,
        examples: {
          match: [
            { lang: 'en', text: 'alpha beta' },
            { lang: 'en', text: shared },
          ],
          no_match: [{ lang: 'en', text: 'gamma' }],
        },
      }),
    );
    const m = createLexicalMatcher(testCatalogue(entries));
    expect(m.match({ text: shared, title: null, language: 'en' })).toEqual([]);
  });

  it('never flags an entry on its own no_match examples (the real catalogue)', async () => {
    const catalogue = await loadCatalogue(join(import.meta.dirname, '../../claims'));
    const m = createLexicalMatcher(catalogue);
    const flagged: string[] = [];
    for (const e of catalogue.entries) {
      for (const ex of e.examples.no_match) {
        const hit = m
          .match({ text: ex.text, title: null, language: ex.lang })
          .find((x) => x.id === e.id && (x.stance === 'promotes' || x.stance === 'unclear'));
        if (hit) flagged.push(`${e.id}: ${ex.text}`);
      }
    }
    expect(flagged).toEqual([]);
  });
});

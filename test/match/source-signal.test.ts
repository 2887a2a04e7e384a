/**
 * Source signals (issue 12): a listed outlet that carries a narrative with no counter-voice promotes
 * it, and the reply names the outlet and who classified it. A source is never a verdict on its own.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/model/types.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { sourceSchema } from '../../src/sources/schema.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const outlet = sourceSchema.parse({
  id: 'state-tv',
  name: 'State TV One',
  domains: ['state-tv.example'],
  telegram: ['statetv_channel'],
  kind: 'state_media',
  classified_by: [{ who: 'EU Council (sanctions)', url: 'https://example.org/sanctions' }],
});

const catalogue = testCatalogue([
  testEntry({
    id: 'nato-centre',
    match: {
      concepts: {
        nato: { en: ['NATO'], ru: ['НАТО'], kk: ['НАТО'] },
        centre: { en: ['centre'], ru: ['центр*'], kk: ['орталығ*'] },
      },
      patterns: [['nato', 'centre']],
    },
  }),
]);
const matcher = createLexicalMatcher(catalogue, { sources: [outlet] });

function run(text: string, language: Language, url: string | null) {
  return matcher.match({ text, title: null, language, url })[0];
}

describe('source signals', () => {
  it.each<[string, Language]>([
    ['Senator Smith said that NATO opened a centre in Almaty.', 'en'],
    ['Депутат Госдумы заявил, что в Алматы открыли центр НАТО.', 'ru'],
    ['Ресейлік блогер Алматыда НАТО орталығы ашылды деп жазды.', 'kk'],
  ])('a listed outlet repeating an attributed claim promotes it: %s', (text, language) => {
    expect(run(text, language, 'https://news.example.org/a/1')?.stance).toBe('reports');
    const m = run(text, language, 'https://www.state-tv.example/news/1');
    expect(m?.stance).toBe('promotes');
    expect(m?.why).toContain('State TV One');
    expect(m?.why).toContain('EU Council (sanctions)');
  });

  it('recognises a listed Telegram channel', () => {
    const m = run(
      'Senator Smith said that NATO opened a centre in Almaty.',
      'en',
      'https://t.me/statetv_channel/42',
    );
    expect(m?.stance).toBe('promotes');
  });

  it('is never a verdict on its own: no narrative, no match', () => {
    expect(
      run('The weather in Almaty was sunny today.', 'en', 'https://state-tv.example/weather'),
    ).toBeUndefined();
  });

  it('keeps a refutation or a counter-voice as it is', () => {
    const debunk = run(
      'The report that NATO opened a centre in Almaty is fake.',
      'en',
      'https://state-tv.example/x',
    );
    expect(debunk?.stance).toBe('debunks');
    const distanced = run('The so-called NATO centre in Almaty.', 'en', 'https://state-tv.example/y');
    expect(distanced?.stance).toBe('reports');
  });

  it('names the outlet on a match that already alerts', () => {
    const m = run('NATO opened a centre in Almaty.', 'en', 'https://state-tv.example/z');
    expect(m?.stance).toBe('promotes');
    expect(m?.why).toMatch(/own voice; published by State TV One/);
  });
});

/** The definition language: concepts, patterns, windows, exclusions, prefixes, phrases, inflection. */
import { describe, expect, it } from 'vitest';
import type { EntryInput } from '../../src/model/catalogue.js';
import type { Language } from '../../src/model/types.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

function matcherFor(match: EntryInput['match']) {
  return createLexicalMatcher(testCatalogue([testEntry({ id: 'entry', match })]));
}

function ids(
  m: ReturnType<typeof matcherFor>,
  text: string,
  title: string | null = null,
  language: Language = 'en',
) {
  return m.match({ text, title, language }).map((x) => x.id);
}

describe('co-occurrence within the window', () => {
  const one = matcherFor({
    concepts: { nato: { en: ['NATO'] }, centre: { en: ['centre'] } },
    patterns: [['nato', 'centre']],
    window: 1,
  });
  const two = matcherFor({
    concepts: { nato: { en: ['NATO'] }, centre: { en: ['centre'] } },
    patterns: [['nato', 'centre']],
    window: 2,
  });

  it('matches when the concepts share a sentence', () => {
    expect(ids(one, 'NATO opened a centre.')).toEqual(['entry']);
  });
  it('does not match across sentences with window 1', () => {
    expect(ids(one, 'NATO met today. The centre is new.')).toEqual([]);
  });
  it('matches in adjacent sentences with window 2, not further apart', () => {
    expect(ids(two, 'NATO met today. The centre is new.')).toEqual(['entry']);
    expect(ids(two, 'NATO met today. It rained. The centre is new.')).toEqual([]);
  });
  it('treats the title as the sentence before the first one', () => {
    expect(ids(two, 'The centre is new. Nothing else.', 'NATO arrives')).toEqual(['entry']);
    expect(ids(two, 'Nothing here. The centre is new.', 'NATO arrives')).toEqual([]);
  });
  it('needs every concept of a pattern', () => {
    expect(ids(two, 'NATO NATO NATO.')).toEqual([]);
  });
});

describe('a single word is never enough', () => {
  it('does not let one word satisfy two concepts', () => {
    const m = matcherFor({
      concepts: { a: { en: ['NATO'] }, b: { en: ['NATO', 'alliance'] } },
      patterns: [['a', 'b']],
    });
    expect(ids(m, 'NATO said nothing.')).toEqual([]);
    expect(ids(m, 'NATO and NATO again.')).toEqual(['entry']);
    expect(ids(m, 'NATO is an alliance.')).toEqual(['entry']);
  });
  it('does not let a phrase satisfy a concept made of its own word', () => {
    const m = matcherFor({
      concepts: { a: { en: ['NATO'] }, b: { en: ['NATO centre'] } },
      patterns: [['a', 'b']],
    });
    expect(ids(m, 'A NATO centre.')).toEqual([]);
    expect(ids(m, 'NATO opened a NATO centre.')).toEqual(['entry']);
  });
  it('lets two phrases that only share a word count separately', () => {
    const m = matcherFor({
      concepts: { a: { en: ['heading to'] }, b: { en: ['to Russia'] } },
      patterns: [['a', 'b']],
    });
    expect(ids(m, 'Trains heading to Russia.')).toEqual(['entry']);
  });
});

describe('exclusions', () => {
  const m = matcherFor({
    concepts: { nato: { en: ['NATO'] }, drill: { en: ['exercise'] } },
    patterns: [['nato', 'drill']],
    window: 1,
    exclude: { en: ['Steppe Eagle'], ru: ['Степн* орел*'] },
  });
  it('cancel a match in the same window', () => {
    expect(ids(m, 'NATO joined the Steppe Eagle exercise.')).toEqual([]);
  });
  it('leave other windows alone', () => {
    expect(ids(m, 'Steppe Eagle ended. NATO began an exercise.')).toEqual(['entry']);
  });
  it('are folded and stemmed like terms (ё = е, inflection)', () => {
    const ru = matcherFor({
      concepts: { nato: { ru: ['НАТО'] }, drill: { ru: ['учени*'] } },
      patterns: [['nato', 'drill']],
      window: 1,
      exclude: { ru: ['Степн* орел*'] },
    });
    expect(ids(ru, 'Учения НАТО «Степной орёл» завершились.', null, 'ru')).toEqual([]);
    expect(ids(ru, 'Учения НАТО завершились.', null, 'ru')).toEqual(['entry']);
  });
});

describe('terms', () => {
  it('match inflected forms through stemming (ru, en)', () => {
    const m = matcherFor({
      concepts: {
        lab: { ru: ['биолаборатория'], en: ['laboratory'] },
        us: { ru: ['Пентагон'], en: ['Pentagon'] },
      },
      patterns: [['lab', 'us']],
    });
    expect(ids(m, 'Пентагоном построено пять биолабораторий.', null, 'ru')).toEqual(['entry']);
    expect(ids(m, "The Pentagon's laboratories.")).toEqual(['entry']);
  });
  it('match Kazakh inflections, and an inflected Kazakh term keeps its meaning', () => {
    const m = matcherFor({
      concepts: { border: { kk: ['шекара'] }, from: { kk: ['Қазақстаннан'] } },
      patterns: [['border', 'from']],
    });
    expect(ids(m, 'Қазақстаннан шекарасында дрондар ұшты.', null, 'kk')).toEqual(['entry']);
    expect(ids(m, 'Қазақстан шекарасында дрондар ұшты.', null, 'kk')).toEqual([]);
  });
  it('treat a trailing * as a prefix of the unstemmed word', () => {
    const m = matcherFor({
      concepts: { a: { ru: ['русофоб*'] }, b: { ru: ['Казахстан*'] } },
      patterns: [['a', 'b']],
    });
    expect(ids(m, 'Русофобская истерия в Казахстане.', null, 'ru')).toEqual(['entry']);
    expect(ids(m, 'Русские в Казахстане.', null, 'ru')).toEqual([]);
  });
  it('treat a prefix shorter than three letters as a whole word', () => {
    const m = matcherFor({ concepts: { a: { en: ['ab*'] }, b: { en: ['zed'] } }, patterns: [['a', 'b']] });
    expect(ids(m, 'abc zed')).toEqual([]);
    expect(ids(m, 'ab zed')).toEqual(['entry']);
  });
  it('match a phrase only as consecutive words of one sentence', () => {
    const m = matcherFor({
      concepts: { td: { en: ['territorial defence'] }, border: { en: ['border'] } },
      patterns: [['td', 'border']],
      window: 2,
    });
    expect(ids(m, 'Territorial-defence units near the border.')).toEqual(['entry']);
    expect(ids(m, 'Territorial defences near the border.')).toEqual(['entry']);
    expect(ids(m, 'Territorial and defence units near the border.')).toEqual([]);
    expect(ids(m, 'Not territorial. Defence near the border.')).toEqual([]);
  });
  it('bridge Latin and Cyrillic spellings of names', () => {
    const m = matcherFor({
      concepts: { amb: { en: ['Rosenblum'] }, pm: { en: ['Tokayev', 'Astana'] } },
      patterns: [['amb', 'pm']],
    });
    expect(ids(m, 'Розенблюм встретился с Токаевым.', null, 'ru')).toEqual(['entry']);
    expect(ids(m, 'Посол Розенблюм прибыл в Астану.', null, 'ru')).toEqual(['entry']);
  });
  it('ignores case, ё/е and typographic quotes', () => {
    const m = matcherFor({
      concepts: { a: { ru: ['ещё раз'] }, b: { ru: ['нато'] } },
      patterns: [['a', 'b']],
    });
    expect(ids(m, '«НАТО» — ЕЩЕ РАЗ.', null, 'ru')).toEqual(['entry']);
  });
});

describe('Latin-script Kazakh and cross-script prefixes', () => {
  const m = matcherFor({
    concepts: { lab: { kk: ['биологиялық зертхана*'] }, us: { kk: ['Пентагон*'] } },
    patterns: [['lab', 'us']],
  });
  it('matches a Cyrillic Kazakh phrase with a prefix in Latin-script Kazakh', () => {
    expect(ids(m, 'Biologiialyq zerthanalar Pentagonğa bağynady.', null, 'kk')).toEqual(['entry']);
    expect(ids(m, 'Биологиялық зертханалар Пентагонға бағынады.', null, 'kk')).toEqual(['entry']);
  });
  it('does not bridge a short prefix as a first word', () => {
    const short = matcherFor({
      concepts: { a: { ru: ['сат*'] }, b: { en: ['Russia'] } },
      patterns: [['a', 'b']],
    });
    expect(ids(short, 'Saturday in Russia.')).toEqual([]);
  });
});

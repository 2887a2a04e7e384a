/** Lookup in English, Russian and Kazakh over the shipped catalogue and small test catalogues. */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import { EXACT_ID_SCORE, lookupEntries } from '../../src/claims/lookup.js';
import { lookupIndex } from '../../src/claims/lookup-index.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const shipped = await loadCatalogue('claims');
const top = (query: string, limit = 5) => lookupEntries(shipped, query, limit).map((h) => h.entry.id);

describe('lookupEntries on the shipped catalogue', () => {
  it('finds entries by English words', () => {
    expect(top('biolabs')[0]).toBe('us-biolabs-in-kazakhstan');
    expect(top('NATO peacekeeping centre')[0]).toBe('nato-peacekeeping-centre');
    expect(top('Immortal Regiment deepfake')[0]).toBe('immortal-regiment-deepfakes');
  });

  it('finds entries by inflected Russian words', () => {
    expect(top('биолабораторий')[0]).toBe('us-biolabs-in-kazakhstan');
    expect(top('биолабораториях Пентагона')[0]).toBe('us-biolabs-in-kazakhstan');
    expect(top('миротворческого центра НАТО')[0]).toBe('nato-peacekeeping-centre');
    expect(top('Бессмертного полка')[0]).toBe('immortal-regiment-deepfakes');
    expect(top('переименования станций')[0]).toBe('station-renamings-push-out-russian');
  });

  it('finds entries by Kazakh words, inflected', () => {
    expect(top('бітімгершілік орталығы')[0]).toBe('nato-peacekeeping-centre');
    expect(top('Өлмес полк')[0]).toBe('immortal-regiment-deepfakes');
    expect(top('жасанды мемлекет')[0]).toBe('kazakhstan-artificial-state');
    expect(top('биозертханалары')[0]).toBe('us-biolabs-in-kazakhstan');
  });

  it('meets names across scripts', () => {
    expect(top('Medvedev')[0]).toBe('kazakhstan-artificial-state');
    expect(top('Медведева')[0]).toBe('kazakhstan-artificial-state');
    expect(top('Ukrspecexport')[0]).toBe('arms-for-ukraine-via-ukrspecexport');
  });

  it('puts an exact id first, and accepts the beginning of a word', () => {
    const hits = lookupEntries(shipped, 'kazakhstan-turning-west');
    expect(hits[0]?.entry.id).toBe('kazakhstan-turning-west');
    expect(hits[0]?.score).toBe(EXACT_ID_SCORE);
    expect(top('биолаб')[0]).toBe('us-biolabs-in-kazakhstan');
  });

  it('returns nothing for words no entry has, and respects the limit', () => {
    expect(lookupEntries(shipped, 'qwertyuiop')).toEqual([]);
    expect(lookupEntries(shipped, '   ')).toEqual([]);
    expect(lookupEntries(shipped, 'Kazakhstan', 3)).toHaveLength(3);
    expect(lookupEntries(shipped, 'Kazakhstan', 0)).toEqual([]);
  });
});

describe('lookupEntries ranking', () => {
  const catalogue = testCatalogue([
    testEntry({ id: 'alpha-claim', title: { en: 'Falcons nest on the tower' }, tags: ['birds'] }),
    testEntry({
      id: 'beta-claim',
      title: { en: 'A tower was built' },
      summary: { en: 'Falcons were mentioned once.' },
    }),
    testEntry({ id: 'gamma-claim', title: { en: 'Something else' }, tags: ['falcons'] }),
  ]);

  it('ranks a title above a tag above a summary, and entries with every word above entries with some', () => {
    expect(lookupEntries(catalogue, 'falcons').map((h) => h.entry.id)).toEqual([
      'alpha-claim',
      'gamma-claim',
      'beta-claim',
    ]);
    expect(
      lookupEntries(catalogue, 'falcon tower')
        .map((h) => h.entry.id)
        .slice(0, 2),
    ).toEqual(['alpha-claim', 'beta-claim']);
  });

  it('ignores stop words unless the query has nothing else', () => {
    expect(lookupEntries(catalogue, 'the falcons').map((h) => h.entry.id)).toEqual(
      lookupEntries(catalogue, 'falcons').map((h) => h.entry.id),
    );
  });

  it('builds the index once per catalogue', () => {
    expect(lookupIndex(catalogue)).toBe(lookupIndex(catalogue));
    expect(lookupIndex(testCatalogue([testEntry({ id: 'x' })]))).not.toBe(lookupIndex(catalogue));
  });
});

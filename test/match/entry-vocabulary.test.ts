/**
 * Whether a sentence names an entry's own subject, read through the matcher's index, on the shipped
 * catalogue: the rare concepts (Orsk, Immortal Regiment, biolabs) tie a sentence to an entry; the
 * common ones (officials, invite, drones, Kazakhstan) do not, however many a sentence holds.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import type { Catalogue } from '../../src/model/catalogue.js';
import { createVocabularyCheck, rareLimit, type VocabularyCheck } from '../../src/match/entry-vocabulary.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

let catalogue: Catalogue;
let check: VocabularyCheck;

beforeAll(async () => {
  catalogue = await loadCatalogue(join(import.meta.dirname, '..', '..', 'claims'));
  check = createVocabularyCheck(catalogue);
});

const NATO = 'NATO officials invited Kazakhstan to join the alliance, and drones attacked from Kazakhstan.';

describe('createVocabularyCheck on the shipped catalogue', () => {
  it('does not tie a NATO sentence to the entries whose common concepts it names', () => {
    const immortal = check('immortal-regiment-deepfakes', NATO, 'en');
    expect(immortal.concepts).toEqual(expect.arrayContaining(['invite', 'official']));
    expect(immortal).toMatchObject({ distinctive: [], carries: false });
    const orsk = check('orsk-deepfakes', NATO, 'en');
    expect(orsk.concepts).toEqual(expect.arrayContaining(['attack', 'from_kazakhstan']));
    expect(orsk.carries).toBe(false);
    // …and to the entry it is about
    expect(check('nato-peacekeeping-centre', NATO, 'en')).toMatchObject({
      distinctive: ['nato'],
      carries: true,
    });
  });

  it('reads words as the matcher does: stems, cases, other scripts, Kazakh suffixes', () => {
    expect(check('orsk-deepfakes', 'Видео из Орска разошлось по сетям.', 'ru').carries).toBe(true);
    expect(check('orsk-deepfakes', 'Бейне Орскіге қатысты тарады.', 'kk').carries).toBe(true);
    expect(
      check('immortal-regiment-deepfakes', 'Шествие «Бессмертного полка» прошло тихо.', 'ru').carries,
    ).toBe(true);
    expect(
      check('us-biolabs-in-kazakhstan', 'Germ laboratories near Almaty were shown on TV.', 'en'),
    ).toMatchObject({ distinctive: expect.arrayContaining(['lab']), carries: true });
  });

  it('never ties a sentence through Kazakhstan alone, nor to an unknown entry', () => {
    for (const e of catalogue.entries) {
      expect(check(e.id, 'Kazakhstan and Kazakh officials in Astana said so.', 'en').carries, e.id).toBe(
        false,
      );
    }
    expect(check('no-such-entry', 'The Immortal Regiment march in Orsk.', 'en')).toEqual({
      concepts: [],
      distinctive: [],
      carries: false,
    });
  });

  it('gives every entry a subject, and ties nearly all its promoting examples to it (76 of 79 in 2026-12)', () => {
    let carried = 0;
    let total = 0;
    for (const e of catalogue.entries) {
      const texts = Object.values(e.match.concepts).map((t) => [...(t.en ?? []), ...(t.ru ?? [])].join('. '));
      expect(
        texts.some((t) => check(e.id, t.replace(/\*/g, ''), 'en').distinctive.length > 0),
        e.id,
      ).toBe(true);
      for (const ex of e.examples.match) {
        total++;
        if (check(e.id, ex.text, ex.lang).carries) carried++;
      }
    }
    expect(carried / total).toBeGreaterThanOrEqual(0.9);
  });
});

describe('what counts as distinctive', () => {
  it('is decided by how many entries speak of a concept, not by its words', () => {
    const entry = (id: string, subject: string, shared: string) =>
      testEntry({
        id,
        match: {
          concepts: { subject: { en: [subject] }, shared: { en: [shared] } },
          patterns: [['subject', 'shared']],
        },
        examples: {
          match: [
            { lang: 'en', text: `${subject} ${shared}` },
            { lang: 'en', text: `${shared} ${subject}` },
          ],
          no_match: [{ lang: 'en', text: 'nothing here' }],
        },
      });
    const small = testCatalogue([
      entry('one', 'zircon', 'harbour'),
      entry('two', 'quartz', 'harbour'),
      entry('three', 'basalt', 'harbour'),
    ]);
    expect(rareLimit(3)).toBe(2);
    const c = createVocabularyCheck(small);
    expect(c('one', 'Ships left the harbour.', 'en')).toMatchObject({ concepts: ['shared'], carries: false });
    expect(c('one', 'Zircon was found.', 'en')).toMatchObject({ distinctive: ['subject'], carries: true });
    expect(c('two', 'Zircon was found.', 'en').carries).toBe(false);
  });
});

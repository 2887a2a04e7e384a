/** The matcher as a whole: evidence, parents, the index against a naive scan, ordering. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import type { Catalogue, EntryInput } from '../../src/model/catalogue.js';
import type { Language } from '../../src/model/types.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'match', 'catalogue');

describe('evidence', () => {
  const m = createLexicalMatcher(
    testCatalogue([
      testEntry({
        id: 'e',
        match: {
          concepts: { a: { ru: ['центр*'] }, b: { ru: ['НАТО'] } },
          patterns: [['a', 'b']],
          window: 2,
        },
      }),
    ]),
  );
  it('quotes whole sentences verbatim from the text', () => {
    const text = 'Вступление.\n\n  В Алматы —\u00a0«центр»   НАТО!  Всё.\r\nЕщё';
    const [match] = m.match({ text, title: null, language: 'ru' });
    expect(match?.evidence).toEqual([{ quote: 'В Алматы —\u00a0«центр»   НАТО!' }]);
    for (const e of match?.evidence ?? []) expect(text.includes(e.quote)).toBe(true);
  });
  it('quotes each sentence of a window that carries a concept, at most three', () => {
    const text = 'Центр открыт. НАТО доволен. Центр и НАТО. НАТО и центр. Центр НАТО. Конец.';
    const [match] = m.match({ text, title: null, language: 'ru' });
    expect(match?.evidence.length).toBe(3);
    expect(match?.evidence.map((e) => e.quote)).toEqual(['Центр и НАТО.', 'НАТО и центр.', 'Центр НАТО.']);
  });
  it('quotes the title when the match rests on it, and skips a title repeated as the first line', () => {
    const [fromTitle] = m.match({ text: 'Открыли центр вчера.', title: 'НАТО в Алматы', language: 'ru' });
    expect(fromTitle?.evidence.map((e) => e.quote)).toEqual(['НАТО в Алматы', 'Открыли центр вчера.']);
    const repeated = m.match({ text: 'НАТО в Алматы\n\nНичего.', title: 'НАТО в Алматы', language: 'ru' });
    expect(repeated).toEqual([]);
  });
  it('returns nothing for empty text', () => {
    expect(m.match({ text: '', title: null, language: null })).toEqual([]);
  });
});

describe('claims and their parent narratives', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await loadCatalogue(FIXTURES);
  });
  it('returns the claim, not its parent, when both match, with the parent as corroboration', () => {
    const m = createLexicalMatcher(catalogue);
    const res = m.match({
      text: 'The Zharkol factory is dumping poison into the lake.',
      title: null,
      language: 'en',
    });
    expect(res.map((x) => [x.id, x.kind, x.stance])).toEqual([
      ['fixture-factory-poisons-lake', 'claim', 'promotes'],
    ]);
    const alone = createLexicalMatcher({
      ...catalogue,
      entries: catalogue.entries.filter((e) => e.id === 'fixture-factory-poisons-lake'),
    }).match({ text: 'The Zharkol factory is dumping poison into the lake.', title: null, language: 'en' });
    expect(res[0]?.confidence).toBeGreaterThan(alone[0]?.confidence ?? 1);
  });
  it('returns the narrative when only the narrative matches', () => {
    const res = createLexicalMatcher(catalogue).match({
      text: 'Они отравляют озеро Жарколь.',
      title: null,
      language: 'ru',
    });
    expect(res.map((x) => x.id)).toEqual(['fixture-lake-poisoned']);
  });
  it('hides the parent even when the claim is debunked', () => {
    const res = createLexicalMatcher(catalogue).match({
      text: 'Экологи опровергли сообщения о том, что завод отравляет озеро Жарколь.',
      title: null,
      language: 'ru',
    });
    expect(res.map((x) => [x.id, x.stance])).toEqual([['fixture-factory-poisons-lake', 'debunks']]);
  });
});

/** A small seeded generator, so the random catalogue is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS: Record<'en' | 'ru' | 'kk', string[]> = {
  en: [
    'nato',
    'centre',
    'base',
    'lab',
    'border',
    'brigade',
    'Tokayev',
    'Astana',
    'Rosenblum',
    'drone',
    'war',
    'west',
  ],
  ru: [
    'центр',
    'база',
    'лаборатория',
    'граница',
    'бригада',
    'Токаев',
    'Астана',
    'Розенблюм',
    'дрон',
    'война',
  ],
  kk: ['орталық', 'база', 'зертхана', 'шекара', 'бригада', 'Тоқаев', 'Астана', 'дрон', 'соғыс', 'Ресей'],
};
const ENDINGS: Record<'en' | 'ru' | 'kk', string[]> = {
  en: ['', 's', "'s", 'ed'],
  ru: ['', 'а', 'ы', 'ом', 'ами', 'е'],
  kk: ['', 'да', 'ның', 'ға', 'лар', 'ы'],
};

function randomCatalogue(next: () => number, size: number): Catalogue {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const langs = ['en', 'ru', 'kk'] as const;
  const inputs: EntryInput[] = [];
  for (let i = 0; i < size; i++) {
    const concepts: Record<string, Partial<Record<'en' | 'ru' | 'kk', string[]>>> = {};
    const names = ['c0', 'c1', 'c2'].slice(0, 2 + Math.floor(next() * 2));
    for (const name of names) {
      const lang = pick(langs);
      const terms = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const w = pick(WORDS[lang]);
        const r = next();
        if (r < 0.2) return `${w.slice(0, 4)}*`;
        if (r < 0.4) return `${w} ${pick(WORDS[lang])}`;
        return w;
      });
      concepts[name] = { [lang]: terms };
    }
    inputs.push(
      testEntry({
        id: `random-${i}`,
        match: {
          concepts,
          patterns: [names],
          window: 1 + Math.floor(next() * 3),
          ...(next() < 0.3 ? { exclude: { en: [pick(WORDS.en)] } } : {}),
        },
      }),
    );
  }
  return testCatalogue(inputs);
}

function randomText(next: () => number): { text: string; language: Language } {
  const lang = (['en', 'ru', 'kk'] as const)[Math.floor(next() * 3)] ?? 'en';
  const sentences: string[] = [];
  for (let s = 0; s < 2 + Math.floor(next() * 6); s++) {
    const words: string[] = [];
    for (let w = 0; w < 3 + Math.floor(next() * 6); w++) {
      const l = next() < 0.8 ? lang : ((['en', 'ru', 'kk'] as const)[Math.floor(next() * 3)] ?? 'en');
      const base = WORDS[l][Math.floor(next() * WORDS[l].length)] ?? '';
      words.push(base + (ENDINGS[l][Math.floor(next() * ENDINGS[l].length)] ?? ''));
    }
    sentences.push(`${words.join(' ')}.`);
  }
  return { text: sentences.join(' '), language: lang };
}

describe('the index', () => {
  it('gives exactly the results of a naive scan of every term on a random catalogue', () => {
    const next = rng(20261122);
    const catalogue = randomCatalogue(next, 60);
    const indexed = createLexicalMatcher(catalogue);
    const naive = createLexicalMatcher(catalogue, { naive: true });
    let matched = 0;
    for (let i = 0; i < 150; i++) {
      const { text, language } = randomText(next);
      const a = indexed.match({ text, title: null, language });
      expect(a).toEqual(naive.match({ text, title: null, language }));
      matched += a.length;
    }
    expect(matched).toBeGreaterThan(50);
  });

  it('orders alerting matches first, then by confidence', () => {
    const m = createLexicalMatcher(
      testCatalogue([
        testEntry({
          id: 'a-reported',
          match: { concepts: { a: { en: ['alpha'] }, b: { en: ['beta'] } }, patterns: [['a', 'b']] },
        }),
        testEntry({
          id: 'b-promoted',
          match: { concepts: { a: { en: ['gamma'] }, b: { en: ['delta'] } }, patterns: [['a', 'b']] },
        }),
      ]),
    );
    const text =
      'So-called alpha beta. Alpha and beta too. Beta and alpha again. One. Two. Three. Gamma delta.';
    const res = m.match({ text, title: null, language: 'en' });
    expect(res.map((x) => [x.id, x.stance])).toEqual([
      ['b-promoted', 'promotes'],
      ['a-reported', 'reports'],
    ]);
    expect(res[1]?.confidence).toBeGreaterThan(res[0]?.confidence ?? 1);
  });
});

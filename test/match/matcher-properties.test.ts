/**
 * Properties of the matcher on hostile input (fast-check): it never throws and returns well-formed
 * matches on arbitrary strings, and its time grows linearly with the article. Time is compared
 * between two sizes in the same run (N and 4N), never against a fixed budget: a linear matcher
 * takes ~4x, a quadratic one ~16x, and the bound of 8 leaves room for a busy machine (a timing test
 * that still exceeds it is measured again, at most twice).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import type { Language, Match } from '../../src/model/types.js';
import { createLexicalMatcher } from '../../src/match/index.js';

const catalogue = await loadCatalogue('claims');
const matcher = createLexicalMatcher(catalogue);
const ids = new Set(catalogue.entries.map((e) => e.id));
const examples = catalogue.entries.flatMap((e) => [...e.examples.match, ...e.examples.debunk]);
/** Words of the catalogue's examples (the three languages), so that random texts hit terms and cues. */
const WORDS = [...new Set(examples.flatMap((ex) => ex.text.split(/\s+/)))].filter(Boolean);

const WIDEST = Math.max(...catalogue.entries.map((e) => e.match.window));
const LANGUAGES: (Language | null)[] = ['en', 'ru', 'kk', 'other', null];
const ODD = [
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200f', // right-to-left mark
  '\u200d', // zero-width joiner
  '\ufeff',
  '\u0301', // combining acute
  '\ud800', // lone surrogates
  '\udfff',
  '\u0000',
  '\n',
  '\r\n',
  '\u2028',
  '\u00a0',
  'عربي',
  '中文',
  '😀👍🏽',
];
const PUNCTUATION = [
  '.',
  '!',
  '?',
  '…',
  '"',
  "'",
  '«',
  '»',
  '„',
  '“',
  '”',
  '(',
  ')',
  '-',
  '—',
  ':',
  ',',
  ' ',
  '\n',
];

const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...WORDS), weight: 6 },
  { arbitrary: fc.constant(' '), weight: 4 },
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(...ODD),
  fc.string({ unit: fc.constantFrom(...PUNCTUATION), minLength: 1, maxLength: 300 }),
  // Huge words, in both scripts and with Kazakh letters.
  fc
    .tuple(
      fc.constantFrom('a', 'ж', 'қ', 'ñ', 'q', '-', "'", 'ing', 'ларың', 'shch'),
      fc.integer({ min: 30, max: 20_000 }),
    )
    .map(([c, n]) => c.repeat(n)),
);
const hostile = fc.array(piece, { maxLength: 80 }).map((p) => p.join(''));

/** An entry's parent, grandparent, … */
function lineage(id: string): string[] {
  const out: string[] = [];
  let parent = catalogue.byId.get(id)?.parent;
  while (parent !== undefined && !out.includes(parent)) {
    out.push(parent);
    parent = catalogue.byId.get(parent)?.parent;
  }
  return out;
}

function wellFormed(matches: readonly Match[], text: string, title: string | null): void {
  const seen = new Set<string>();
  for (const m of matches) {
    expect(ids.has(m.id)).toBe(true);
    expect(seen.has(m.id)).toBe(false);
    seen.add(m.id);
    expect(['promotes', 'reports', 'debunks', 'unclear']).toContain(m.stance);
    expect(m.method).toBe('lexical');
    expect(m.confidence).toBeGreaterThanOrEqual(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
    expect(m.evidence.length).toBeGreaterThan(0);
    for (const e of m.evidence) {
      expect(e.quote.length).toBeGreaterThan(0);
      expect(text.includes(e.quote) || (title ?? '').includes(e.quote)).toBe(true);
    }
  }
}

describe('match() on arbitrary input', () => {
  it('never throws and returns well-formed matches with verbatim evidence', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.option(hostile, { nil: null }),
        fc.constantFrom(...LANGUAGES),
        (text, title, lang) => {
          const matches = matcher.match({ text, title, language: lang });
          wellFormed(matches, text, title);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds the claim in a catalogue example whatever hostile text surrounds it', () => {
    const example = fc.constantFrom(
      ...catalogue.entries.flatMap((e) => e.examples.match.map((ex) => ({ e, ex }))),
    );
    fc.assert(
      fc.property(hostile, example, hostile, (before, { e, ex }, after) => {
        // Neutral lines as wide as any window, so no exclusion term of the hostile text reaches it.
        const pad = '\nThe weather was fine.'.repeat(WIDEST);
        const text = `${before}${pad}\n${ex.text}${pad}\n${after}`;
        const matches = matcher.match({ text, title: null, language: ex.lang });
        wellFormed(matches, text, null);
        // A child claim found in the same text stands for its parent narrative.
        expect(matches.some((m) => m.id === e.id || lineage(m.id).includes(e.id))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

// A collectable heap (as node --expose-gc), so garbage from one run is not charged to the next.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * The least CPU time of a few runs, in milliseconds. CPU time, not wall time: on a machine shared
 * with other processes, waiting for a core is not the matcher's cost.
 */
function fastest(text: string, language: Language): number {
  let best = Number.POSITIVE_INFINITY;
  gc();
  for (let i = 0; i < 3; i++) {
    const t = process.cpuUsage();
    matcher.match({ text, title: null, language });
    const used = process.cpuUsage(t);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Time at 4N over time at N, where make(n) builds a text of about n characters. */
function ratio(make: (n: number) => string, n: number, language: Language): number {
  fastest(make(n / 4), language); // warm up
  return fastest(make(4 * n), language) / fastest(make(n), language);
}

/** `sentence` repeated to about n characters. */
function repeated(sentence: string, n: number): string {
  return Array.from({ length: Math.ceil(n / (sentence.length + 1)) }, () => sentence).join(' ');
}

const N = 60_000;

// A timing test measures again when another process stole the machine during a run: a linear
// matcher passes at once, a quadratic one (~16x) fails every attempt.
describe('time grows linearly with the article', { retry: 2 }, () => {
  it('for a page of one catalogue sentence repeated (N and 4N sentences)', () => {
    const sentence = fc.constantFrom(...examples.map((ex) => ({ text: ex.text.trim(), lang: ex.lang })));
    fc.assert(
      fc.property(sentence, ({ text, lang }) => {
        expect(ratio((n) => repeated(text, n), 2 * N, lang)).toBeLessThan(8);
      }),
      { numRuns: 2 },
    );
  });

  it.each<[string, (n: number) => string, Language]>([
    [
      'one giant sentence of repeated claims',
      (n) => repeated('NATO opened a peacekeeping centre in Kazakhstan and not,', n),
      'en',
    ],
    [
      'claims wrapped in quotation marks that never close',
      (n) => repeated('«Пентагон вывезет биолаборатории с Украины в Казахстан «"', n),
      'ru',
    ],
    [
      'claims followed by one word of half the text',
      (n) => `${repeated('NATO opened a peacekeeping centre in Almaty.', n / 2)} ${'ing'.repeat(n / 6)}`,
      'en',
    ],
    [
      'Kazakh negations and attributions in every sentence',
      (n) => repeated('Ресейлік БАҚ деп жазды: НАТО орталығы Алматыда ашылмады, әскерилер оқытылмайды.', n),
      'kk',
    ],
  ])('for %s', (_name, make, lang) => {
    expect(ratio(make, N, lang)).toBeLessThan(8);
  });
});

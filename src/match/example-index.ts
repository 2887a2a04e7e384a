/**
 * Candidates from examples (issue 12): each `examples.match` text of an entry (en, ru, kk) is a
 * retrieval source next to the `match` definition, so an admin who adds a missed sentence to an
 * entry teaches the matcher. Its words are indexed as terms (stemmed and transliterated like every
 * term); only RARE words count, so an example's generic words never match on their own:
 * - a word of at least MIN_LETTERS letters;
 * - not used by the examples (of any kind) of MAX_ENTRIES or more entries ("Kazakhstan", "which");
 * - not in the entry's own `no_match` examples (what the admin said must not match).
 * An example with fewer than MIN_SHARED rare words is not a retrieval source. It matches an article
 * when max(MIN_SHARED, SHARE × its rare words) of them occur within WINDOW consecutive sentences.
 */
import type { Catalogue } from '../model/catalogue.js';
import { foldCase, forEachWord, stemFolded } from '../text/normalize.js';

export interface ExampleSource {
  entry: number;
  /** Unique term ids of its rare words. */
  words: number[];
  /** Rare words that must co-occur. */
  need: number;
}

export interface CompiledExamples {
  sources: ExampleSource[];
  /** Unique term id → indexes into `sources`. */
  byTerm: Map<number, number[]>;
}

export const MIN_LETTERS = 5;
export const MAX_ENTRIES = 3;
export const MIN_SHARED = 4;
export const SHARE = 0.6;
export const WINDOW = 2;

const LETTERS = /^\p{L}+$/u;

function wordsOf(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (w) => {
    const f = foldCase(w);
    if (f.length >= MIN_LETTERS && LETTERS.test(f)) out.push(f);
  });
  return out;
}

export function compileExamples(
  catalogue: Catalogue,
  intern: (term: string, marked: boolean) => number | null,
  /** True for a language whose texts are read in its marked mode (Kazakh). */
  isMarked: (lang: string) => boolean,
): CompiledExamples {
  const stemOf = (w: string, marked: boolean) => stemFolded(w, marked);
  const entriesByStem = new Map<string, Set<number>>();
  catalogue.entries.forEach((e, i) => {
    const all = [...e.examples.match, ...e.examples.no_match, ...e.examples.debunk];
    for (const ex of all) {
      for (const w of wordsOf(ex.text)) {
        const key = stemOf(w, isMarked(ex.lang));
        const set = entriesByStem.get(key) ?? new Set<number>();
        set.add(i);
        entriesByStem.set(key, set);
      }
    }
  });
  const sources: ExampleSource[] = [];
  const byTerm = new Map<number, number[]>();
  catalogue.entries.forEach((e, entry) => {
    const forbidden = new Set(
      e.examples.no_match.flatMap((ex) => wordsOf(ex.text).map((w) => stemOf(w, isMarked(ex.lang)))),
    );
    for (const ex of e.examples.match) {
      const marked = isMarked(ex.lang);
      const ids = new Set<number>();
      const seen = new Set<string>();
      for (const w of wordsOf(ex.text)) {
        const key = stemOf(w, marked);
        if (seen.has(key) || forbidden.has(key)) continue;
        seen.add(key);
        if ((entriesByStem.get(key)?.size ?? 0) >= MAX_ENTRIES) continue;
        const id = intern(w, marked);
        if (id !== null) ids.add(id);
      }
      if (ids.size < MIN_SHARED) continue;
      const index = sources.length;
      const words = [...ids];
      sources.push({ entry, words, need: Math.max(MIN_SHARED, Math.ceil(SHARE * words.length)) });
      for (const id of words) {
        const list = byTerm.get(id);
        if (list) list.push(index);
        else byTerm.set(id, [index]);
      }
    }
  });
  return { sources, byTerm };
}

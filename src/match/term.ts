/**
 * Terms: parsing a catalogue term into words, and comparing one term word with one article word.
 * The semantics are described in matcher.ts.
 */
import { tokenize } from '../text/normalize.js';
import { nameKey } from '../text/translit.js';
import { type WordKeys, wordKeys } from '../text/word-keys.js';

/** One word of a term: a prefix ("biolab*"), or a word compared through its keys. */
export interface CompiledWord {
  prefix: string | null;
  /**
   * For a prefix: the prefix's name key, tagged with the other script, so "зертхана*" also matches
   * Latin-script "zerthanalar" (null when shorter than MIN_CROSS_PREFIX).
   */
  crossPrefix: string | null;
  keys: readonly string[];
  /** The word's cross-script name keys, tagged with the script they must be compared with. */
  crossNames: readonly string[];
}

export interface CompiledTerm<P> {
  id: number;
  words: CompiledWord[];
  payload: P;
}

/** The article's words as the scanner sees them: parallel arrays (no object per word). */
export interface ScanInput {
  /** Folded words, in order. */
  words: readonly string[];
  /** The sentence index of each word. */
  sentence: readonly number[];
  /** 1 when the word is read in its script's marked language (document.ts). */
  marked: readonly number[];
}

export interface Occurrence<P> {
  term: CompiledTerm<P>;
  /** Index of the first and last article word of the occurrence. */
  from: number;
  to: number;
  sentence: number;
}

export const MIN_PREFIX = 3;
/** A cross-script prefix needs this many letters of name key (4 when it is a term's first word). */
export const MIN_CROSS_PREFIX = 3;
export const MIN_CROSS_PREFIX_FIRST = 4;

function swapTag(name: string): string {
  return (name.startsWith('c:') ? 'l:' : 'c:') + name.slice(2);
}

/** Parses a term ("центр НАТО", "биолаборатори*", "territorial-defence") into words; null when empty. */
export function compileTerm(term: string, marked: boolean): CompiledWord[] | null {
  const words: CompiledWord[] = [];
  for (const chunk of term.trim().split(/\s+/)) {
    const isPrefix = chunk.endsWith('*');
    const tokens = tokenize(chunk.replace(/\*+$/, ''));
    tokens.forEach((t, i) => {
      if (isPrefix && i === tokens.length - 1 && t.word.length >= MIN_PREFIX) {
        const k = wordKeys(t.word, marked, 'term');
        const name = k.script === 'other' ? '' : nameKey(t.word);
        const crossPrefix =
          name.length >= MIN_CROSS_PREFIX ? swapTag((k.script === 'cyrillic' ? 'c:' : 'l:') + name) : null;
        words.push({ prefix: t.word, crossPrefix, keys: [], crossNames: [] });
        return;
      }
      const k = wordKeys(t.word, marked, 'term');
      words.push({ prefix: null, crossPrefix: null, keys: k.keys, crossNames: k.names.map(swapTag) });
    });
  }
  return words.length > 0 ? words : null;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Whether an article word matches one word of a term (`first`: the term's first word). */
export function wordMatches(word: string, keys: WordKeys, cw: CompiledWord, first = false): boolean {
  if (cw.prefix !== null) {
    if (word.startsWith(cw.prefix)) return true;
    const cross = cw.crossPrefix;
    if (cross === null || (first && cross.length - 2 < MIN_CROSS_PREFIX_FIRST)) return false;
    return keys.names.some((n) => n.startsWith(cross));
  }
  return intersects(keys.keys, cw.keys) || intersects(keys.names, cw.crossNames);
}

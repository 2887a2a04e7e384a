/**
 * An index of terms (catalogue concepts, exclusions and stance cues) keyed by the match keys of
 * their first word, so that scanning an article costs one memoized lookup per article word,
 * whatever the number of terms. See matcher.ts for the term semantics.
 */
import { otherScriptTag, wordKeys } from '../text/word-keys.js';
import {
  type CompiledTerm,
  compileTerm,
  MIN_CROSS_PREFIX_FIRST,
  type Occurrence,
  type ScanInput,
  wordMatches,
} from './term.js';

export type { CompiledTerm, CompiledWord, Occurrence, ScanInput } from './term.js';
export { compileTerm, wordMatches } from './term.js';

const MEMO_LIMIT = 100_000;
/**
 * Longer words match no term (the longest word of the catalogue and the evaluation set has 34
 * letters) and are skipped: keys for a word of megabytes (a hostile page with no spaces) cost far
 * more than the word is worth.
 */
export const MAX_WORD_LENGTH = 100;

export class TermIndex<P> {
  private readonly terms: CompiledTerm<P>[] = [];
  private readonly byKey = new Map<string, CompiledTerm<P>[]>();
  private readonly byPrefix = new Map<string, CompiledTerm<P>[]>();
  private prefixLengths: number[] = [];
  private readonly byCrossPrefix = new Map<string, CompiledTerm<P>[]>();
  private crossPrefixLengths: number[] = [];
  /** Per article word, in plain and in marked mode: the terms whose first word it matches. */
  private readonly memo = new Map<string, CompiledTerm<P>[]>();
  private readonly memoMarked = new Map<string, CompiledTerm<P>[]>();
  /** Set when a term is added after lookups were memoized. */
  private stale = false;

  get size(): number {
    return this.terms.length;
  }

  /** Adds a term; false when it has no words. */
  add(term: string, marked: boolean, payload: P): boolean {
    const words = compileTerm(term, marked);
    const first = words?.[0];
    if (!words || !first) return false;
    const compiled: CompiledTerm<P> = { id: this.terms.length, words, payload };
    this.terms.push(compiled);
    if (first.prefix !== null) {
      push(this.byPrefix, first.prefix, compiled);
      if (!this.prefixLengths.includes(first.prefix.length)) {
        this.prefixLengths = [...this.prefixLengths, first.prefix.length].sort((a, b) => a - b);
      }
      const cross = first.crossPrefix;
      if (cross !== null && cross.length - 2 >= MIN_CROSS_PREFIX_FIRST) {
        push(this.byCrossPrefix, cross, compiled);
        if (!this.crossPrefixLengths.includes(cross.length)) {
          this.crossPrefixLengths = [...this.crossPrefixLengths, cross.length].sort((a, b) => a - b);
        }
      }
    } else {
      for (const k of first.keys) push(this.byKey, `k:${k}`, compiled);
      for (const n of first.crossNames) push(this.byKey, `n:${n}`, compiled);
    }
    this.stale = true;
    return true;
  }

  /** Terms whose first word matches this article word. */
  candidates(word: string, marked: boolean): CompiledTerm<P>[] {
    if (this.stale) {
      this.memo.clear();
      this.memoMarked.clear();
      this.stale = false;
    }
    const memo = marked ? this.memoMarked : this.memo;
    const hit = memo.get(word);
    if (hit) return hit;
    const found = new Set<CompiledTerm<P>>();
    const keys = wordKeys(word, marked);
    for (const k of keys.keys) for (const t of this.byKey.get(`k:${k}`) ?? []) found.add(t);
    if (otherScriptTag(keys.script)) {
      for (const n of keys.names) for (const t of this.byKey.get(`n:${n}`) ?? []) found.add(t);
    }
    for (const len of this.prefixLengths) {
      if (len > word.length) break;
      for (const t of this.byPrefix.get(word.slice(0, len)) ?? []) found.add(t);
    }
    for (const n of keys.names) {
      for (const len of this.crossPrefixLengths) {
        if (len > n.length) break;
        for (const t of this.byCrossPrefix.get(n.slice(0, len)) ?? []) found.add(t);
      }
    }
    const list = [...found];
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, list);
    return list;
  }

  /** Every occurrence of every term in the words; a multi-word term needs consecutive words of one sentence. */
  scan(input: ScanInput): Occurrence<P>[] {
    const out: Occurrence<P>[] = [];
    const { words, sentence, marked } = input;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      if (word.length > MAX_WORD_LENGTH) continue;
      for (const term of this.candidates(word, marked[i] === 1)) {
        const last = i + term.words.length - 1;
        if (last > i && !this.restMatches(input, i, term)) continue;
        out.push({ term, from: i, to: last, sentence: sentence[i] ?? 0 });
      }
    }
    return out;
  }

  /**
   * The same result as scan(), by comparing every term with every word: no index. For tests that
   * prove the index changes nothing, and for the benchmark's comparison.
   */
  scanNaive(input: ScanInput): Occurrence<P>[] {
    const out: Occurrence<P>[] = [];
    const { words, sentence, marked } = input;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      if (word.length > MAX_WORD_LENGTH) continue;
      const keys = wordKeys(word, marked[i] === 1);
      for (const term of this.terms) {
        const first = term.words[0];
        if (!first || !wordMatches(word, keys, first, true)) continue;
        const last = i + term.words.length - 1;
        if (last > i && !this.restMatches(input, i, term)) continue;
        out.push({ term, from: i, to: last, sentence: sentence[i] ?? 0 });
      }
    }
    return out;
  }

  private restMatches(input: ScanInput, i: number, term: CompiledTerm<P>): boolean {
    const { words, sentence, marked } = input;
    for (let j = 1; j < term.words.length; j++) {
      const word = words[i + j];
      const cw = term.words[j];
      if (word === undefined || !cw || sentence[i + j] !== sentence[i]) return false;
      if (word.length > MAX_WORD_LENGTH) return false;
      if (!wordMatches(word, wordKeys(word, marked[i + j] === 1), cw)) return false;
    }
    return true;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

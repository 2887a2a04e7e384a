/**
 * The inverted index behind `lookupEntries`: built once per catalogue, it maps the match keys of
 * every word of an entry's id, titles, summaries, tags and match terms (stems, and cross-script
 * name keys from src/text) to the entries that contain them, with a weight per field.
 */
import { tokenize } from '../text/normalize.js';
import { wordKeys } from '../text/word-keys.js';
import type { Catalogue, Entry, Localized } from '../model/catalogue.js';
import { textOf } from './strings.js';

/** The entries a key occurs in (ascending indexes), with the weight of the best field it occurs in. */
export interface Postings {
  entries: number[];
  weights: number[];
}

export interface LookupIndex {
  entries: ReadonlyArray<Entry>;
  /** "k:<stem>" for stems, "n:<script tag><name key>" for cross-script name keys. */
  keys: Map<string, Postings>;
  /** Prefix terms of the match definitions ("биолаборатор*"), by prefix. */
  prefixes: Map<string, Postings>;
  prefixLengths: number[];
  /** The stem keys in sorted order, for query words typed as a beginning ("биолаб"). */
  sortedStems: string[];
}

export const WEIGHT = { id: 3, title: 3, tag: 2, term: 1.5, summary: 1 } as const;

const MIN_PREFIX = 3;
const cache = new WeakMap<Catalogue, LookupIndex>();

export function lookupIndex(catalogue: Catalogue): LookupIndex {
  const hit = cache.get(catalogue);
  if (hit) return hit;
  const built = build(catalogue.entries);
  cache.set(catalogue, built);
  return built;
}

function build(entries: ReadonlyArray<Entry>): LookupIndex {
  const keys = new Map<string, Postings>();
  const prefixes = new Map<string, Postings>();
  // Catalogues repeat their words and terms a lot: compute each word's index keys and each term
  // chunk's words once per build.
  const indexKeys = (kazakh: boolean) =>
    memo((word: string) => {
      const k = wordKeys(word, kazakh);
      return [...k.keys.map((x) => `k:${x}`), ...k.names.map((x) => `n:${x}`)];
    });
  const plainKeys = indexKeys(false);
  const kazakhKeys = indexKeys(true);
  const wordsOfText = memo((text: string) => tokenize(text).map((t) => t.word));

  entries.forEach((e, i) => {
    const addWords = (words: readonly string[], weight: number, kazakh: boolean) => {
      const keysOf = kazakh ? kazakhKeys : plainKeys;
      for (const w of words) for (const key of keysOf(w)) post(keys, key, i, weight);
    };
    const addLocalized = (text: Localized, weight: number) => {
      addWords(wordsOfText(textOf(text.en)), weight, false);
      if (text.ru) addWords(wordsOfText(textOf(text.ru)), weight, false);
      if (text.kk) addWords(wordsOfText(textOf(text.kk)), weight, true);
    };

    addWords(wordsOfText(e.id.replace(/-/g, ' ')), WEIGHT.id, false);
    addLocalized(e.title, WEIGHT.title);
    addLocalized(e.summary, WEIGHT.summary);
    for (const tag of e.tags) addWords(wordsOfText(tag.replace(/-/g, ' ')), WEIGHT.tag, false);
    for (const concept of Object.values(e.match.concepts)) {
      for (const [lang, terms] of Object.entries(concept)) {
        for (const term of terms ?? []) {
          for (const chunk of textOf(term).trim().split(/\s+/)) {
            const words = [...wordsOfText(chunk.replace(/\*+$/, ''))];
            const last = chunk.endsWith('*') ? words.at(-1) : undefined;
            if (last !== undefined && last.length >= MIN_PREFIX) {
              words.pop();
              post(prefixes, last, i, WEIGHT.term);
            }
            addWords(words, WEIGHT.term, lang === 'kk');
          }
        }
      }
    }
  });

  const prefixLengths = [...new Set([...prefixes.keys()].map((p) => p.length))].sort((a, b) => a - b);
  const sortedStems = [...keys.keys()].filter((k) => k.startsWith('k:')).sort();
  return { entries, keys, prefixes, prefixLengths, sortedStems };
}

/**
 * Records that `key` occurs in `entry` with `weight`. Entries are indexed in order, so an entry
 * already listed for the key is the last one: keep its best weight.
 */
function post(index: Map<string, Postings>, key: string, entry: number, weight: number): void {
  const postings = index.get(key);
  if (!postings) {
    index.set(key, { entries: [entry], weights: [weight] });
    return;
  }
  const last = postings.entries.length - 1;
  if (postings.entries[last] === entry) {
    if ((postings.weights[last] ?? 0) < weight) postings.weights[last] = weight;
  } else {
    postings.entries.push(entry);
    postings.weights.push(weight);
  }
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
}

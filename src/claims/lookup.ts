/**
 * Catalogue lookup by words in English, Russian or Kazakh: "biolabs", "биолабораторий",
 * "бітімгершілік орталығы", an id. Words meet through the same keys the matcher uses (stems,
 * Kazakh stem chains, cross-script name keys), so inflected and transliterated forms are found.
 *
 * Score: for each query word, the best field it occurs in (id and title 3, tags 2, match terms 1.5,
 * summary 1) times the word's rarity in the catalogue (idf); summed over the words, and scaled by
 * the share of query words the entry contains. An exact id comes first whatever the rest.
 */
import type { LookupHit } from '../model/ports.js';
import { tokenize } from '../text/normalize.js';
import { otherScriptTag, wordKeys } from '../text/word-keys.js';
import { defaultRegistry } from '../lang/load.js';
import { type LookupIndex, lookupIndex, type Postings } from './lookup-index.js';
import type { Catalogue } from '../model/catalogue.js';

/** Score given to the entry whose id is exactly the query. */
export const EXACT_ID_SCORE = 1000;
/** A query word that is only the beginning of an indexed word ("биолаб") counts this much. */
const PARTIAL = 0.6;
const MIN_PARTIAL = 4;
const MAX_PARTIAL_KEYS = 64;

/** Words a query's meaning does not rest on: every language's `stop_words` (lang/<id>/language.yaml). */
const STOP_WORDS = defaultRegistry().union((l) => l.stopWords);

export function lookupEntries(catalogue: Catalogue, query: string, limit = 5): LookupHit[] {
  if (limit <= 0) return [];
  const index = lookupIndex(catalogue);
  const all = tokenize(query).map((t) => t.word);
  const meaningful = all.filter((w) => !STOP_WORDS.has(w));
  const words = [...new Set(meaningful.length > 0 ? meaningful : all)];

  const total = new Map<number, number>();
  const found = new Map<number, number>();
  for (const word of words) {
    for (const [entry, score] of wordScores(index, word)) {
      total.set(entry, (total.get(entry) ?? 0) + score);
      found.set(entry, (found.get(entry) ?? 0) + 1);
    }
  }

  const exactId = catalogue.byId.get(query.trim().toLowerCase());
  const hits: LookupHit[] = [];
  for (const [i, score] of total) {
    const entry = index.entries[i];
    if (!entry || entry === exactId) continue;
    const coverage = (found.get(i) ?? 0) / words.length;
    hits.push({ entry, score: round3(score * (0.5 + 0.5 * coverage)) });
  }
  if (exactId) hits.push({ entry: exactId, score: EXACT_ID_SCORE });
  hits.sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1));
  return hits.slice(0, limit);
}

/** The best contribution of one query word to each entry it occurs in. */
function wordScores(index: LookupIndex, word: string): Map<number, number> {
  const best = new Map<number, number>();
  const n = index.entries.length;
  const take = (postings: Postings | undefined, factor = 1) => {
    if (!postings) return;
    const idf = Math.log(1 + n / postings.entries.length);
    postings.entries.forEach((entry, k) => {
      const score = (postings.weights[k] ?? 0) * idf * factor;
      if ((best.get(entry) ?? 0) < score) best.set(entry, score);
    });
  };

  const plain = wordKeys(word, false);
  const kazakh = wordKeys(word, true);
  for (const key of new Set([...plain.keys, ...kazakh.keys])) take(index.keys.get(`k:${key}`));
  const otherTag = otherScriptTag(plain.script);
  if (otherTag) {
    for (const name of plain.names) take(index.keys.get(`n:${otherTag}${name.slice(2)}`));
  }
  for (const len of index.prefixLengths) {
    if (len > word.length) break;
    take(index.prefixes.get(word.slice(0, len)));
  }
  if (best.size === 0 && word.length >= MIN_PARTIAL) {
    for (const key of keysStartingWith(index.sortedStems, `k:${word}`)) take(index.keys.get(key), PARTIAL);
  }
  return best;
}

/** Up to MAX_PARTIAL_KEYS sorted keys that start with `prefix` (binary search, then a short scan). */
function keysStartingWith(sorted: ReadonlyArray<string>, prefix: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && out.length < MAX_PARTIAL_KEYS; i++) {
    const key = sorted[i];
    if (key === undefined || !key.startsWith(prefix)) break;
    out.push(key);
  }
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

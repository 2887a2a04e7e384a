/**
 * Narrative-level retrieval: BM25 over each entry's titles, summaries, promoting examples and match
 * terms (all languages), keyed by the matcher's normalized term keys. Lets a paraphrase with no
 * keyword hit still bring the right entry to the model. Built once per catalogue object.
 */
import type { Catalogue, Entry } from '../model/catalogue.js';
import { textOf } from '../claims/strings.js';

/** Normalized, stemmed term keys of a text (the matcher's `termKeys`). */
export type KeyFn = (text: string) => Iterable<string>;

export interface RetrievalHit {
  id: string;
  score: number;
}

export interface RetrievalIndex {
  /** Entries best first; only entries sharing at least one key with the query. */
  search(queryKeys: Iterable<string>, limit: number): RetrievalHit[];
  /** Inverse document frequency of a key (0 for a key no entry has). */
  idf(key: string): number;
  /** The distinct keys of an entry's document. */
  keysOf(id: string): ReadonlySet<string>;
}

const K1 = 1.2;
const B = 0.75;

export function entryDocument(e: Entry): string {
  const parts: string[] = [];
  for (const l of [e.title, e.summary]) {
    for (const s of [l.en, l.ru, l.kk]) if (s !== undefined) parts.push(textOf(s));
  }
  for (const ex of e.examples.match) parts.push(ex.text);
  for (const concept of Object.values(e.match.concepts)) {
    for (const t of [...(concept.en ?? []), ...(concept.ru ?? []), ...(concept.kk ?? [])])
      parts.push(textOf(t));
  }
  return parts.filter(Boolean).join('\n');
}

export function buildRetrievalIndex(entries: ReadonlyArray<Entry>, keys: KeyFn): RetrievalIndex {
  const postings = new Map<string, Array<{ doc: number; tf: number }>>();
  const lengths: number[] = [];
  const keySets: Array<Set<string>> = [];
  entries.forEach((entry, doc) => {
    const tf = new Map<string, number>();
    let len = 0;
    for (const k of keys(entryDocument(entry))) {
      tf.set(k, (tf.get(k) ?? 0) + 1);
      len++;
    }
    lengths.push(len);
    keySets.push(new Set(tf.keys()));
    for (const [k, n] of tf) {
      const list = postings.get(k) ?? [];
      list.push({ doc, tf: n });
      postings.set(k, list);
    }
  });
  const n = entries.length;
  const avgLen = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n) || 1;
  const idf = (key: string): number => {
    const df = postings.get(key)?.length ?? 0;
    return df === 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const byId = new Map(entries.map((e, i) => [e.id, i]));

  return {
    idf,
    keysOf: (id) => {
      const i = byId.get(id);
      return (i === undefined ? undefined : keySets[i]) ?? new Set<string>();
    },
    search(queryKeys, limit) {
      const scores = new Map<number, number>();
      for (const key of new Set(queryKeys)) {
        const list = postings.get(key);
        if (!list) continue;
        const w = idf(key);
        for (const { doc, tf } of list) {
          const len = lengths[doc] ?? avgLen;
          const s = (w * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / avgLen));
          scores.set(doc, (scores.get(doc) ?? 0) + s);
        }
      }
      return [...scores]
        .map(([doc, score]) => ({ id: entries[doc]?.id ?? '', score }))
        .filter((h) => h.id !== '')
        .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
        .slice(0, limit);
    },
  };
}

const cache = new WeakMap<Catalogue, WeakMap<KeyFn, RetrievalIndex>>();

/** The index for a catalogue, built on first use and kept as long as the catalogue object lives. */
export function retrievalIndexFor(catalogue: Catalogue, keys: KeyFn): RetrievalIndex {
  let perFn = cache.get(catalogue);
  if (!perFn) {
    perFn = new WeakMap();
    cache.set(catalogue, perFn);
  }
  let index = perFn.get(keys);
  if (!index) {
    index = buildRetrievalIndex(catalogue.entries, keys);
    perFn.set(keys, index);
  }
  return index;
}

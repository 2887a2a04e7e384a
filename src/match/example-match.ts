/**
 * Which example sources (example-index.ts) hold in an article: enough of an example's rare words
 * within WINDOW consecutive sentences. Returns, per entry, the best window's occurrences (as
 * ConceptHits, concept = the word's position in the example) so stance and scope read them like a
 * pattern's window. Cost: the occurrences of example words, times the few examples sharing a word.
 */
import type { CompiledExamples } from './example-index.js';
import { WINDOW } from './example-index.js';
import type { Occurrence } from './term-index.js';
import type { ConceptHit, WindowMatch } from './windows.js';

/** Occurrences read per example source (document order): a page repeating its words has said enough. */
const MAX_HITS = 400;

export interface ExampleHit {
  entry: number;
  window: WindowMatch;
  /** Distinct rare words found, and how many were needed. */
  shared: number;
  need: number;
}

export function matchExamples(
  compiled: CompiledExamples,
  byTerm: ReadonlyMap<number, Occurrence<number>[]>,
): ExampleHit[] {
  // Per example source: its words' occurrences.
  const perSource = new Map<number, ConceptHit[]>();
  for (const [id, sources] of compiled.byTerm) {
    const occ = byTerm.get(id);
    if (!occ) continue;
    for (const s of sources) {
      const src = compiled.sources[s];
      if (!src) continue;
      const word = src.words.indexOf(id);
      const list = perSource.get(s) ?? [];
      for (const o of occ)
        if (o.sentence >= 0) list.push({ concept: word, from: o.from, to: o.to, sentence: o.sentence });
      perSource.set(s, list);
    }
  }
  const best = new Map<number, ExampleHit>();
  for (const [s, hits] of perSource) {
    const src = compiled.sources[s];
    if (!src || new Set(hits.map((h) => h.concept)).size < src.need) continue;
    hits.sort((a, b) => a.sentence - b.sentence || a.from - b.from);
    if (hits.length > MAX_HITS) hits.length = MAX_HITS;
    let lo = 0;
    for (let hi = 0; hi < hits.length; hi++) {
      const end = hits[hi]?.sentence ?? 0;
      while ((hits[lo]?.sentence ?? 0) <= end - WINDOW) lo++;
      const inWindow = hits.slice(lo, hi + 1);
      const firstOf = new Map<number, ConceptHit>();
      for (const h of inWindow) if (!firstOf.has(h.concept)) firstOf.set(h.concept, h);
      if (firstOf.size < src.need) continue;
      const known = best.get(src.entry);
      if (known && known.shared >= firstOf.size) continue;
      best.set(src.entry, {
        entry: src.entry,
        window: { pattern: -1, start: inWindow[0]?.sentence ?? 0, used: [...firstOf.values()] },
        shared: firstOf.size,
        need: src.need,
      });
      if (firstOf.size === src.words.length) break;
    }
  }
  return [...best.values()];
}

/** Confidence of an example match before the stance's clarity: 0.55 at `need`, +0.05 a word over it. */
export function exampleSupport(x: ExampleHit): number {
  return Math.min(0.75, 0.55 + 0.05 * (x.shared - x.need));
}

/**
 * Narrative-level recognition (issue 12): broad narratives are rarely one sentence; they spread over
 * paragraphs of loaded vocabulary ("русофобия", "союзнички", "colour revolution"). An entry's
 * `match.signals` lists weighted signals; each one that occurs anywhere in the article counts its
 * weight ONCE (repeating a word adds nothing). The entry matches when the total reaches `min`, at
 * least two different signals occur (the schema keeps every weight below `min`, so one signal is
 * never enough), and each `require`d concept (e.g. the country) occurs somewhere. A headline that is
 * a question and holds a signal or a concept of the entry adds `question_title`.
 *
 * Evidence: the sentences holding the most different signals, quoted verbatim; `terms` are the
 * matched words as written in the article, for the reply's one-line reason.
 */
import type { CompiledEntry } from './catalogue-index.js';
import type { Doc } from './document.js';
import type { Occurrence } from './term-index.js';
import type { ConceptHit } from './windows.js';

export interface SignalMatch {
  total: number;
  groups: number;
  /** Sentences holding a signal, in document order. */
  sentences: number[];
  /** The matched words as written, one per signal that occurred, strongest first. */
  terms: string[];
}

const MAX_TERMS = 4;

function written(doc: Doc, o: Occurrence<number>): string {
  const from = doc.starts[o.from];
  const to = doc.ends[o.to];
  if (from === undefined || to === undefined) return '';
  return (o.from < doc.titleWords ? doc.title : doc.text).slice(from, to);
}

function questionTitle(doc: Doc): boolean {
  const s = doc.sentences[0];
  if (!s) return false;
  const text = (s.source === 'title' ? doc.title : doc.text).slice(s.start, s.end).trim();
  return text.endsWith('?');
}

export function matchSignals(
  ce: CompiledEntry,
  doc: Doc,
  byTerm: ReadonlyMap<number, Occurrence<number>[]>,
  hits: ReadonlyMap<number, ConceptHit[]>,
  /** Sentences not to count (e.g. those that carry a reported claim, to weigh the author's own words). */
  skip?: ReadonlySet<number>,
): SignalMatch | null {
  const sig = ce.signals;
  if (!sig) return null;
  if (sig.require.some((c) => (hits.get(c)?.length ?? 0) === 0)) return null;
  let total = 0;
  let groups = 0;
  const sentences = new Map<number, Set<number>>();
  const found: { weight: number; word: string }[] = [];
  sig.groups.forEach((g, gi) => {
    let first: Occurrence<number> | undefined;
    for (const id of g.terms) {
      for (const o of byTerm.get(id) ?? []) {
        if (o.sentence < 0 || skip?.has(o.sentence)) continue;
        if (!first || o.from < first.from) first = o;
        const set = sentences.get(o.sentence) ?? new Set<number>();
        set.add(gi);
        sentences.set(o.sentence, set);
      }
    }
    if (!first) return;
    total += g.weight;
    groups++;
    found.push({ weight: g.weight, word: written(doc, first) });
  });
  if (groups < 2) return null;
  if (sig.questionTitle > 0 && questionTitle(doc)) {
    const head = sentences.has(0) || [...hits.values()].some((list) => list.some((h) => h.sentence === 0));
    if (head) total += sig.questionTitle;
  }
  if (total < sig.min) return null;
  const ranked = [...sentences.entries()].sort((a, b) => b[1].size - a[1].size || a[0] - b[0]);
  return {
    total,
    groups,
    sentences: ranked.map(([s]) => s),
    terms: found
      .sort((a, b) => b.weight - a.weight)
      .map((f) => f.word)
      .filter((w) => w.length > 0)
      .slice(0, MAX_TERMS),
  };
}

/** Confidence of a signal match before the stance's clarity: 0.55 at `min`, +0.05 a point over it. */
export function signalSupport(m: SignalMatch, min: number): number {
  return Math.min(0.8, 0.55 + 0.05 * Math.min(4, m.total - min) + 0.05 * Math.min(2, m.groups - 2));
}

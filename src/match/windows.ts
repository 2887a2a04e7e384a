/**
 * Pattern evaluation: a pattern (a list of concepts) holds in a window of `window` consecutive
 * sentences when every concept has an occurrence there, the occurrences are different (none lies
 * within another, so one word or phrase never satisfies two concepts, and a concept listed twice
 * needs two occurrences; two phrases may share a word, as "heading to" and "to Russia" do), and
 * no exclusion term occurs in the window.
 */

export interface ConceptHit {
  concept: number;
  from: number;
  to: number;
  sentence: number;
}

export interface WindowMatch {
  pattern: number;
  /** First sentence of the window. */
  start: number;
  /** The occurrences that satisfied the pattern, one per concept of the pattern. */
  used: ConceptHit[];
}

/** Occurrences considered per concept and window: enough for any realistic assignment. */
const MAX_PER_CONCEPT = 8;
/**
 * Windows kept per pattern, the first in document order. Real articles hold a handful (at most 8
 * in the evaluation set and the benchmark's articles); a page that repeats the claim thousands of
 * times has said enough after these, and the stance signals read from them stay the same kind.
 */
export const MAX_WINDOWS = 100;

/** True when one occurrence lies within the other (the same word counts as within). */
function nested(a: ConceptHit, b: ConceptHit): boolean {
  return (a.from <= b.from && b.to <= a.to) || (b.from <= a.from && a.to <= b.to);
}

function assign(lists: ConceptHit[][], k: number, chosen: ConceptHit[]): ConceptHit[] | null {
  if (k === lists.length) return [...chosen];
  for (const hit of lists[k] ?? []) {
    if (chosen.some((c) => nested(c, hit))) continue;
    chosen.push(hit);
    const done = assign(lists, k + 1, chosen);
    chosen.pop();
    if (done) return done;
  }
  return null;
}

/** Hits within sentences [start, end] (hits are sorted by sentence), at most MAX_PER_CONCEPT. */
function inRange(list: readonly ConceptHit[], start: number, end: number): ConceptHit[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.sentence ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: ConceptHit[] = [];
  for (let i = lo; i < list.length && out.length < MAX_PER_CONCEPT; i++) {
    const h = list[i];
    if (!h || h.sentence > end) break;
    out.push(h);
  }
  return out;
}

/**
 * The windows in which the pattern holds, in document order, at most MAX_WINDOWS. `hits` maps a
 * concept index to its occurrences in document order (sorted by sentence); `excluded` holds the
 * sentences with an exclusion term.
 */
export function findWindows(
  patternIndex: number,
  pattern: readonly number[],
  hits: ReadonlyMap<number, ConceptHit[]>,
  window: number,
  excluded: ReadonlySet<number>,
): WindowMatch[] {
  let anchor: ConceptHit[] | undefined;
  for (const c of pattern) {
    const list = hits.get(c);
    if (!list || list.length === 0) return [];
    if (!anchor || list.length < anchor.length) anchor = list;
  }
  if (!anchor) return [];
  const out: WindowMatch[] = [];
  // Anchor hits come in document order, so window starts come ascending and each once.
  let next = 0;
  for (const h of anchor) {
    for (let start = Math.max(next, h.sentence - window + 1); start <= h.sentence; start++) {
      next = start + 1;
      const end = start + window - 1;
      let blocked = false;
      for (let s = start; s <= end && !blocked; s++) blocked = excluded.has(s);
      if (blocked) continue;
      const lists = pattern.map((c) => inRange(hits.get(c) ?? [], start, end));
      if (lists.some((l) => l.length === 0)) continue;
      const used = assign(lists, 0, []);
      if (used) out.push({ pattern: patternIndex, start, used });
      if (out.length >= MAX_WINDOWS) return out;
    }
  }
  return out;
}

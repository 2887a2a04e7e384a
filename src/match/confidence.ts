/**
 * Confidence that the article touches an entry (0..1), before the stance's clarity scales it:
 *   0.55 for one pattern satisfied across sentences of a window,
 *   +0.10 when all the concepts of some window sit in one sentence,
 *   +0.10 per further pattern satisfied (at most +0.20),
 *   +0.05 per further sentence carrying the match (at most +0.15),
 *   +0.10 × the share of the entry's other concepts also present,
 *   +0.05 when a parent narrative matched too (corroboration),
 * capped at 0.97. The alert threshold (default 0.5) is met by any clean `promotes` match.
 */
import type { WindowMatch } from './windows.js';

export function supportScore(
  windows: readonly WindowMatch[],
  patterns: readonly number[][],
  totalConcepts: number,
): number {
  if (windows.length === 0) return 0;
  const patternIds = new Set(windows.map((w) => w.pattern));
  const sentences = new Set<number>();
  const concepts = new Set<number>();
  let sameSentence = false;
  for (const w of windows) {
    const first = w.used[0]?.sentence;
    if (w.used.every((h) => h.sentence === first)) sameSentence = true;
    for (const h of w.used) {
      sentences.add(h.sentence);
      concepts.add(h.concept);
    }
  }
  let minSize = Number.POSITIVE_INFINITY;
  for (const id of patternIds) minSize = Math.min(minSize, new Set(patterns[id] ?? []).size);
  const spare = Math.max(1, totalConcepts - minSize);
  const extraConcepts = Math.max(0, concepts.size - minSize) / spare;
  const score =
    0.55 +
    (sameSentence ? 0.1 : 0) +
    0.1 * Math.min(patternIds.size - 1, 2) +
    0.05 * Math.min(sentences.size - 1, 3) +
    0.1 * Math.min(1, extraConcepts);
  return Math.min(0.97, score);
}

export function round2(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

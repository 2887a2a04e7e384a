/** Pattern windows: found in document order, each start once, at most MAX_WINDOWS per pattern. */
import { describe, expect, it } from 'vitest';
import { type ConceptHit, findWindows, MAX_WINDOWS } from '../../src/match/windows.js';

/** Concepts 0 and 1 in every sentence from 0 to count - 1 (words 2s and 2s + 1). */
function everySentence(count: number): Map<number, ConceptHit[]> {
  const a: ConceptHit[] = [];
  const b: ConceptHit[] = [];
  for (let s = 0; s < count; s++) {
    a.push({ concept: 0, from: 2 * s, to: 2 * s, sentence: s });
    b.push({ concept: 1, from: 2 * s + 1, to: 2 * s + 1, sentence: s });
  }
  return new Map([
    [0, a],
    [1, b],
  ]);
}

describe('findWindows', () => {
  it('finds one window per start, in document order', () => {
    const w = findWindows(0, [0, 1], everySentence(5), 2, new Set());
    expect(w.map((x) => x.start)).toEqual([0, 1, 2, 3, 4]);
    expect(w[0]?.used.map((h) => h.concept)).toEqual([0, 1]);
  });

  it('skips windows with an excluded sentence', () => {
    const w = findWindows(0, [0, 1], everySentence(5), 2, new Set([2]));
    expect(w.map((x) => x.start)).toEqual([0, 3, 4]);
  });

  it('pairs concepts across the sentences of a window, not beyond it', () => {
    const hits = new Map<number, ConceptHit[]>([
      [0, [{ concept: 0, from: 0, to: 0, sentence: 0 }]],
      [1, [{ concept: 1, from: 9, to: 9, sentence: 3 }]],
    ]);
    expect(findWindows(0, [0, 1], hits, 2, new Set())).toEqual([]);
    expect(findWindows(0, [0, 1], hits, 4, new Set()).map((x) => x.start)).toEqual([0]);
  });

  it('stops after MAX_WINDOWS windows, keeping the first ones', () => {
    const w = findWindows(0, [0, 1], everySentence(10 * MAX_WINDOWS), 3, new Set());
    expect(w).toHaveLength(MAX_WINDOWS);
    expect(w.map((x) => x.start)).toEqual(Array.from({ length: MAX_WINDOWS }, (_, i) => i));
  });
});

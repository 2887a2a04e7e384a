/**
 * Evidence for a match: the sentences that carried it, quoted verbatim (text.slice of the article's
 * text, or the title when the title carried it), the sentences with the most concepts first, at most
 * `max`, in document order. Also whether the claim sits in scare quotes (see quotes.ts).
 */
import type { Evidence } from '../model/types.js';
import { type Doc, sentenceText } from './document.js';
import { isScareQuote, quotedRanges, type Range } from './quotes.js';
import type { ConceptHit, WindowMatch } from './windows.js';

/** The scare-quoted ranges of each sentence (offsets within the sentence), found once per document. */
export class ScareQuotes {
  private readonly bySentence = new Map<number, Range[]>();

  constructor(private readonly doc: Doc) {}

  private rangesOf(sentence: number): Range[] {
    const known = this.bySentence.get(sentence);
    if (known) return known;
    const text = sentenceText(this.doc, sentence);
    const ranges = quotedRanges(text).filter((r) => isScareQuote(text, r));
    this.bySentence.set(sentence, ranges);
    return ranges;
  }

  isQuoted(h: ConceptHit): boolean {
    const s = this.doc.sentences[h.sentence];
    const first = this.doc.starts[h.from];
    const last = this.doc.ends[h.to];
    if (!s || first === undefined || last === undefined) return false;
    return this.rangesOf(h.sentence).some((r) => first - s.start >= r.start && last - s.start <= r.end);
  }

  /** True when, in some window, at least half of the matched occurrences are in scare quotes. */
  anyWindow(windows: readonly WindowMatch[]): boolean {
    return windows.some((w) => 2 * w.used.filter((h) => this.isQuoted(h)).length >= w.used.length);
  }
}

export function evidenceOf(
  doc: Doc,
  windows: readonly WindowMatch[],
  max: number,
): { all: number[]; quotes: Evidence[] } {
  const weight = new Map<number, Set<number>>();
  for (const w of windows) {
    for (const h of w.used) {
      const set = weight.get(h.sentence) ?? new Set<number>();
      set.add(h.concept);
      weight.set(h.sentence, set);
    }
  }
  const all = [...weight.keys()].sort((a, b) => a - b);
  const best = [...all].sort((a, b) => (weight.get(b)?.size ?? 0) - (weight.get(a)?.size ?? 0) || a - b);
  const chosen = best.slice(0, max).sort((a, b) => a - b);
  const seen = new Set<string>();
  const quotes: Evidence[] = [];
  for (const s of chosen) {
    const quote = sentenceText(doc, s);
    if (quote && !seen.has(quote)) {
      seen.add(quote);
      quotes.push({ quote });
    }
  }
  return { all, quotes };
}

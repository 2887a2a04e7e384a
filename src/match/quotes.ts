/**
 * Scare quotes: a short quoted phrase that starts with a lower-case word or an acronym
 * («центр НАТО», 'artificial state', "NATO centre") marks words the author keeps at a distance.
 * A quoted name that starts with a capitalised word («Бессмертный полк», "Steppe Eagle") or a long
 * quoted sentence (a citation) is not a scare quote.
 */

export interface Range {
  start: number;
  end: number;
}

const PAIRS: Record<string, string> = { '«': '»', '“': '”', '„': '“', '‘': '’', '"': '"' };
const MAX_WORDS = 5;

/**
 * Ranges (inside the marks) of quoted phrases in `s`. Linear: the next position of each closing
 * mark is remembered, so a run of opening marks that never close is not rescanned for each one.
 */
export function quotedRanges(s: string): Range[] {
  const out: Range[] = [];
  const next = new Map<string, number>();
  /** First index > i of `mark`, or s.length when there is none. */
  const after = (mark: string, i: number): number => {
    const known = next.get(mark);
    if (known !== undefined && known > i) return known;
    const found = s.indexOf(mark, i + 1);
    const at = found === -1 ? s.length : found;
    next.set(mark, at);
    return at;
  };
  for (let i = 0; i < s.length; i++) {
    const open = s[i] ?? '';
    let close = PAIRS[open];
    if (open === "'" && (i === 0 || /[\s(«“]/u.test(s[i - 1] ?? ''))) close = "'";
    if (!close) continue;
    // „ closes with “ or with ”.
    const j = open === '„' ? Math.min(after(close, i), after('”', i)) : after(close, i);
    // A closing straight single quote must not be an apostrophe inside a word.
    if (close === "'" && /\p{L}/u.test(s[j + 1] ?? '')) continue;
    if (j >= s.length) continue;
    out.push({ start: i + 1, end: j });
    i = j;
  }
  return out;
}

/** True when the quoted range is a scare quote (see the module comment). */
export function isScareQuote(s: string, r: Range): boolean {
  const inner = s.slice(r.start, r.end).trim();
  const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  const first = words[0] ?? '';
  const letters = first.replace(/[^\p{L}]/gu, '');
  if (!letters) return false;
  if (/^\p{Ll}/u.test(letters)) return true;
  return letters.length >= 2 && letters === letters.toUpperCase();
}

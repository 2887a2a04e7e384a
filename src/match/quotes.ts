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

/** Ranges (inside the marks) of quoted phrases in `s`. */
export function quotedRanges(s: string): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < s.length; i++) {
    const open = s[i] ?? '';
    let close = PAIRS[open];
    if (open === "'" && (i === 0 || /[\s(«“]/u.test(s[i - 1] ?? ''))) close = "'";
    if (!close) continue;
    let j = i + 1;
    while (j < s.length && s[j] !== close && !(open === '„' && s[j] === '”')) j++;
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

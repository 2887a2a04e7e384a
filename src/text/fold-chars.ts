/**
 * The typography that text folding treats as the same: one table for the matcher's folding
 * (normalize.ts) and the LLM quote check (classify/quote.ts), so both read a quote mark, a dash or
 * an invisible character alike.
 */

/** Typographic double quotes and the double prime. */
export const DOUBLE_QUOTES = '«»“”„‟″';
/** Typographic single quotes and the prime. */
export const SINGLE_QUOTES = '‘’‚‛′';
/** Single angle quotes (‹ ›) and the modifier apostrophe (ʼ): single quotes to the matcher. */
export const OTHER_SINGLE = '‹›ʼ';
/** Hyphens, dashes and the minus sign. */
export const DASHES = '‐‑‒–—―−';
/** No-break and figure spaces. */
export const WIDE_SPACES = '\u00a0\u2007\u202f';
/** Soft hyphen, zero-width space and joiners, word joiner, byte-order mark: dropped. */
export const INVISIBLE = '\u00ad\u200b\u200c\u200d\u2060\ufeff';

/** A regular-expression character class of these characters. */
export function charClass(chars: string, flags = ''): RegExp {
  const escaped = [...chars].map((c) => (/[\\\]^-]/.test(c) ? `\\${c}` : c)).join('');
  return new RegExp(`[${escaped}]`, flags);
}

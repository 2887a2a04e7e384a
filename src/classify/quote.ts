/**
 * Quote verification: does the model's quote occur in the article? Compared after normalizing
 * whitespace, quote marks, dashes, ellipses, the languages' letter folds (ё/е), soft hyphens and
 * case; the evidence kept is the article's own span (its original characters), never the model's
 * rewording.
 */

import { LETTER_FOLD } from '../lang/text-facts.js';
import { charClass, DASHES, DOUBLE_QUOTES, INVISIBLE, SINGLE_QUOTES } from '../text/fold-chars.js';

/** Shortest quote accepted (normalized characters): "NATO base" proves nothing. */
export const MIN_QUOTE_CHARS = 12;

/** Quote marks as the quote check reads them: ASCII ones and the typographic table's. */
const MARKS = `"'\`´${DOUBLE_QUOTES}${SINGLE_QUOTES}`;
const QUOTE_MARKS = charClass(MARKS, 'u');
const DASH = charClass(DASHES, 'u');
const INVISIBLE_CHAR = charClass(INVISIBLE, 'u');
const SPACE = /\s/u;

interface Normalized {
  text: string;
  /** For each code unit of `text`, the index of the original character it came from. */
  map: number[];
}

function mapChar(ch: string): string {
  if (SPACE.test(ch)) return ' ';
  if (QUOTE_MARKS.test(ch)) return '"';
  if (DASH.test(ch)) return '-';
  if (ch === '…') return '...';
  if (ch === '<' || ch === '＜' || ch === '﹤') return '‹';
  if (ch === '>' || ch === '＞' || ch === '﹥') return '›';
  const lower = ch.toLowerCase();
  return LETTER_FOLD[lower] ?? lower;
}

export function normalizeWithMap(input: string): Normalized {
  const parts: string[] = [];
  const map: number[] = [];
  let i = 0;
  let lastSpace = true; // no leading space
  for (const ch of input) {
    const start = i;
    i += ch.length;
    if (INVISIBLE_CHAR.test(ch)) continue;
    const out = mapChar(ch);
    if (out === ' ') {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    parts.push(out);
    for (let k = 0; k < out.length; k++) map.push(start);
  }
  if (lastSpace && parts.length > 0) {
    parts.pop();
    map.pop();
  }
  return { text: parts.join(''), map };
}

export function normalizeQuote(text: string): string {
  return normalizeWithMap(text).text;
}

const LEADING = new RegExp(`^[\\s${MARKS}.…]+`, 'u');
const TRAILING = new RegExp(`[\\s${MARKS}…]+$|\\.{2,}$`, 'u');

/**
 * Spellings of a model's quote to try, longest first: as given, without one surrounding pair of
 * quote marks (models wrap quotes), also without an ellipsis at either end, then without any quote
 * marks, ellipses or spaces at either end.
 */
function variants(q: string): string[] {
  const t = q.trim();
  const out = [t];
  const first = t.charAt(0);
  const last = t.charAt(t.length - 1);
  const unwrapped = t.length > 2 && MARKS.includes(first) && MARKS.includes(last) ? t.slice(1, -1).trim() : t;
  out.push(unwrapped);
  out.push(unwrapped.replace(/^(\.{3}|…)\s*/u, '').replace(/\s*(\.{3}|…)$/u, ''));
  out.push(t.replace(LEADING, '').replace(TRAILING, ''));
  return [...new Set(out)];
}

function spanOf(original: string, hay: Normalized, needle: string): string | null {
  const at = hay.text.indexOf(needle);
  if (at < 0) return null;
  const start = hay.map[at];
  const lastIndex = hay.map[at + needle.length - 1];
  if (start === undefined || lastIndex === undefined) return null;
  const lastCp = original.codePointAt(lastIndex) ?? 0;
  return original.slice(start, lastIndex + (lastCp > 0xffff ? 2 : 1));
}

/**
 * Prepares an article once; the returned function gives the span of the article (text first, then
 * title) that a quote matches, in the article's own characters, or null when the quote does not
 * occur or is too short to prove anything.
 */
export function quoteFinder(article: {
  title: string | null;
  text: string;
}): (quote: string) => string | null {
  let text: Normalized | null = null;
  let title: Normalized | null = null;
  return (quote) => {
    text ??= normalizeWithMap(article.text);
    title ??= normalizeWithMap(article.title ?? '');
    for (const v of variants(quote)) {
      const needle = normalizeQuote(v);
      if (needle.length < MIN_QUOTE_CHARS) continue;
      const span = spanOf(article.text, text, needle) ?? spanOf(article.title ?? '', title, needle);
      if (span !== null) return span;
    }
    return null;
  };
}

export function findQuote(text: string, quote: string): string | null {
  return quoteFinder({ title: null, text })(quote);
}

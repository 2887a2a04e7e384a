/**
 * Sentence splitting for Russian, Kazakh and English news text.
 *
 * A sentence ends at a line break (headlines and Telegram lines often have no final period), or
 * at . ! ? … (possibly repeated, possibly followed by closing quotes or brackets) when whitespace
 * and then the start of a new sentence follow: an upper-case letter, a digit, or an opening quote,
 * bracket or dash followed by one of those. A period does not end a sentence after an
 * abbreviation (the languages' `abbreviations`: "г.", "т.д.", "ж.", "Mr.", "U.S.", month names, …)
 * or an initial ("А. Кобринский", "D. Rosenblum"). Direct speech such as «Это фейк!» — заявил он stays one
 * sentence, because a lower-case word or a dash follows the closing quote.
 *
 * Returns spans into the original string, trimmed, so text.slice(start, end) is a verbatim quote.
 */

import { matchLanguage } from './language-facts.js';

export interface Span {
  start: number;
  end: number;
}

const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', "'", '»', '”', '’', ')', ']']);
const OPENERS = new Set(['"', "'", '«', '“', '„', '‘', '(', '[', '—', '–', '-']);
const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);
const STARTER = /[\p{Lu}\p{N}]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0';
}

function startsSentence(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && OPENERS.has(text[j] ?? '')) j++;
  while (j < text.length && isSpace(text[j] ?? '')) j++;
  return j < text.length && STARTER.test(text[j] ?? '');
}

/** \p{L}, with a fast path for ASCII and basic Cyrillic letters. */
function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x410 && code <= 0x44f))
    return true;
  if (code < 0x80) return false;
  return LETTER.test(c);
}

/** The word before a period, when it makes the period not a sentence end. */
function isAbbreviation(text: string, dot: number, abbreviations: ReadonlySet<string>): boolean {
  let k = dot;
  while (k > 0 && dot - k < 20) {
    const c = text[k - 1] ?? '';
    if (c !== '.' && !isLetter(c)) break;
    k--;
  }
  const before = text.slice(k, dot);
  if (!before) return false;
  const word = before.toLowerCase().replace(/^\.+/, '');
  if (abbreviations.has(word)) return true;
  // An initial: a single upper-case letter ("А." in "А. Кобринский").
  return before.length === 1 && UPPER.test(before);
}

const WORDISH = /[\p{L}\p{N}]/u;

function isBlank(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff
  );
}

function hasWordChar(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x400 && c <= 0x52f)
    ) {
      return true;
    }
    if (c > 0x7f && WORDISH.test(text[i] ?? '')) return true;
  }
  return false;
}

function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (e > s && hasWordChar(text, s, e)) out.push({ start: s, end: e });
}

const CANDIDATE_RE = /[.!?…\n\r\u2028\u2029]/g;

/** Splits `text` into sentence spans (see the module comment); abbreviations: the shipped languages' unless given. */
export function splitSentences(
  text: string,
  abbreviations: ReadonlySet<string> = matchLanguage().abbreviations,
): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = 0;
  const re = new RegExp(CANDIDATE_RE.source, 'g');
  let m = re.exec(text);
  while (m !== null) {
    const i = m.index;
    const c = m[0];
    if (LINE_BREAKS.has(c)) {
      pushTrimmed(out, text, start, i);
      start = i + 1;
      m = re.exec(text);
      continue;
    }
    let j = i + 1;
    while (j < n && TERMINATORS.has(text[j] ?? '')) j++;
    while (j < n && CLOSERS.has(text[j] ?? '')) j++;
    const endsHere =
      j >= n ||
      (isSpace(text[j] ?? '') &&
        startsSentence(text, j + 1) &&
        !(c === '.' && j === i + 1 && isAbbreviation(text, i, abbreviations)));
    if (endsHere) {
      pushTrimmed(out, text, start, j);
      start = j;
    }
    re.lastIndex = Math.max(j, i + 1);
    m = re.exec(text);
  }
  pushTrimmed(out, text, start, n);
  return out;
}

/**
 * Text normalization for matching, in Russian, Kazakh (Cyrillic and Latin script) and English.
 *
 * - foldCase: Unicode NFC, lower case, the languages' letter folds (ё→е: lang/ru/language.yaml),
 *   typographic quotes to ' and ", dashes to -, no-break spaces to spaces, soft hyphens and
 *   zero-width characters removed. Kazakh letters are kept.
 * - tokenize: words are runs of Unicode letters, combining marks and digits (an inner apostrophe is
 *   kept: "Kazakhstan's"). Hyphenated words are split into their parts ("конференц-зал" →
 *   "конференц", "зал"; "territorial-defence" → "territorial", "defence"), so a multi-word term
 *   "territorial defence" meets both spellings. Offsets point into the original string.
 * - stem: the stemmer of the script's default language (Snowball Russian for Cyrillic, English for
 *   Latin); the script's marked language's stemmer (the light Kazakh one) for a word with its
 *   letters (әғқңөұүһі, or ä ğ ı ñ ş ū ǵ ń in Latin script) or when the language hint is that
 *   language. Which language is which is data (lang/, the registry). Numbers are kept as they are.
 * - termKeys: fold → tokenize → stem.
 */
import {
  charClass,
  DASHES,
  DOUBLE_QUOTES,
  INVISIBLE,
  OTHER_SINGLE,
  SINGLE_QUOTES,
  WIDE_SPACES,
} from './fold-chars.js';
import { hasMarkingLetters, isMarkedLanguage, LETTER_FOLD, stemIn } from '../lang/text-facts.js';
import type { Language } from '../model/types.js';
import { type Script, scriptOf } from '../lang/scripts.js';

export { type Script, scriptOf };

export interface Token {
  /** The folded word. */
  word: string;
  /** Offsets of the word in the original string: original.slice(start, end). */
  start: number;
  end: number;
}

const FOLDED_LETTERS = Object.keys(LETTER_FOLD).join('');
const FOLD_MAP: Record<string, string> = {
  ...LETTER_FOLD,
  ...Object.fromEntries([...DOUBLE_QUOTES].map((c) => [c, '"'])),
  ...Object.fromEntries([...SINGLE_QUOTES, ...OTHER_SINGLE].map((c) => [c, "'"])),
  ...Object.fromEntries([...DASHES].map((c) => [c, '-'])),
  ...Object.fromEntries([...WIDE_SPACES].map((c) => [c, ' '])),
};
const FOLD_RE = charClass(
  `${FOLDED_LETTERS}${DOUBLE_QUOTES}${SINGLE_QUOTES}${OTHER_SINGLE}${DASHES}${WIDE_SPACES}`,
  'g',
);
const INVISIBLE_RE = charClass(INVISIBLE, 'g');

/** Case- and typography-folded text (see the module comment). */
export function foldCase(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLE_RE, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD_MAP[c] ?? c);
}

const WORD_RE = /[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;
const LENGTH_KEEPING_RE = charClass(`${FOLDED_LETTERS}’ʼ`, 'g');
const LENGTH_KEEPING: Record<string, string> = { ...LETTER_FOLD, '’': "'", ʼ: "'" };
const NEEDS_NFC_RE = /[\u0300-\u036f\u1100-\u11ff\u3099\u309a]/;

/** Word characters below U+0530 (Latin, combining marks, Greek, Cyrillic): a lookup table. */
const LOW_WORD = new Uint8Array(0x530);
for (let c = 0; c < 0x530; c++) LOW_WORD[c] = WORD_CHAR_RE.test(String.fromCharCode(c)) || c === 0xad ? 1 : 0;

/** A letter, digit, combining mark or invisible joiner. */
function isWordCode(c: number): boolean {
  if (c < 0x530) return LOW_WORD[c] === 1;
  if ((c >= 0x200b && c <= 0x200d) || c === 0x2060) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return WORD_CHAR_RE.test(String.fromCharCode(c));
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

/**
 * Calls `visit` with each word of `s`, folded, and its offsets in `s`. Fast path: when lower-casing
 * keeps the length and the text needs no NFC composition (nearly always), the whole text is folded
 * once and words are cut from it at the same offsets; otherwise each word is folded on its own.
 */
export function forEachWord(s: string, visit: (word: string, start: number, end: number) => void): void {
  const lower = s.toLowerCase();
  if (lower.length !== s.length || (NEEDS_NFC_RE.test(s) && s.normalize('NFC') !== s)) {
    for (const m of s.matchAll(WORD_RE)) {
      const word = foldCase(m[0]);
      if (word) visit(word, m.index, m.index + m[0].length);
    }
    return;
  }
  const folded = LENGTH_KEEPING_RE.test(lower)
    ? lower.replace(LENGTH_KEEPING_RE, (c) => LENGTH_KEEPING[c] ?? c)
    : lower;
  LENGTH_KEEPING_RE.lastIndex = 0;
  const invisible = INVISIBLE_RE.test(folded);
  INVISIBLE_RE.lastIndex = 0;
  const n = folded.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const c = folded.charCodeAt(i);
      if (isWordCode(c)) i++;
      else if (isApostrophe(c) && i + 1 < n && isWordCode(folded.charCodeAt(i + 1))) i++;
      else break;
    }
    const raw = folded.slice(start, i);
    const word = invisible ? raw.replace(INVISIBLE_RE, '') : raw;
    if (word) visit(word, start, i);
  }
}

/** The words of `s`, folded, with their offsets in `s` (see forEachWord). */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  forEachWord(s, (word, start, end) => {
    out.push({ word, start, end });
  });
  return out;
}

const DIGITS_RE = /^\p{N}+$/u;

/** True when a folded word has letters only a marked language uses (Kazakh, in either script). */
export function hasKazakhLetters(word: string): boolean {
  return hasMarkingLetters(word);
}

/** Stems a word that is already folded. `marked` forces its script's marked language's stemmer. */
export function stemFolded(word: string, marked = false): string {
  if (DIGITS_RE.test(word)) return word;
  const script: Script = scriptOf(word);
  if (script === 'other') return word;
  return stemIn(script, word, marked || hasMarkingLetters(word));
}

/** The stem of one word, in any language of the registry (see the module comment). */
export function stem(word: string, lang?: Language | null): string {
  return stemFolded(foldCase(word), isMarkedLanguage(lang));
}

/** Fold, tokenize and stem: the match keys of a text, one per word, in order. */
export function termKeys(text: string, lang?: Language | null): string[] {
  const marked = isMarkedLanguage(lang);
  return tokenize(text).map((t) => stemFolded(t.word, marked));
}

/**
 * Transliteration, so that Latin and Cyrillic spellings of a name meet:
 * Astana/Астана, Rosenblum/Розенблюм, Tokayev/Токаев, Bektenov/Бектенов, Qazaqstan/Қазақстан.
 *
 * `toLatin` writes any text in plain Latin letters (Russian through the `transliteration` package,
 * the languages' own transliterations, such as Kazakh letters and Latin-script Kazakh diacritics,
 * mapped first). `skeleton` then folds the
 * spelling differences that transliteration systems disagree on into one "skeleton":
 *   q→k, w→v, x→ks; ts/tz/ch→c, sh/shch→s, zh→j, ph→f, th→t, ck→k, then kh and h→k (Russian х is
 *   "h" or "kh", Kazakh қ is "q" or "k": Казахстан, Kazakhstan, Қазақстан and Qazaqstan all meet), z→s;
 *   y and j → i; an i before another vowel is dropped (Tokayev → tokaev, Rozenblyum → rozenblum);
 *   doubled letters collapse; non-letters are removed.
 * `nameKey` also drops trailing vowels, so that an inflected Russian stem ("Астан-е" → "астан") and
 * an English base form ("Astana") meet. Skeletons are lossy on purpose: the matcher only uses them
 * to bridge scripts (a Latin term against a Cyrillic word or the reverse), never within one script.
 */
import { transliterate } from 'transliteration';
import { TRANSLITERATION } from '../lang/text-facts.js';
import { charClass } from './fold-chars.js';

/**
 * Letters the generic transliterator renders badly (Kazakh letters, Latin-Kazakh diacritics, ё ъ ь),
 * written first as the languages say (`transliteration:` in lang/<id>/language.yaml).
 */
const PRE_MAP: Readonly<Record<string, string>> = TRANSLITERATION;

const PRE_RE = charClass(Object.keys(PRE_MAP).join(''), 'g');

function slowLatin(text: string): string {
  const pre = text.toLowerCase().replace(PRE_RE, (c) => PRE_MAP[c] ?? c);
  return transliterate(pre)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/** The Latin spelling of each lower-case Cyrillic letter, computed once with the same transliterator. */
const CYRILLIC_FROM = 0x430;
const CYRILLIC_TO = 0x4ff;
const CYRILLIC_TABLE: string[] = [];
for (let c = CYRILLIC_FROM; c <= CYRILLIC_TO; c++) CYRILLIC_TABLE.push(slowLatin(String.fromCharCode(c)));

/**
 * Any text in plain lower-case Latin letters (diacritics removed). Words are transliterated letter
 * by letter from a table built with the `transliteration` package (fast, and the same on catalogue
 * terms and article words); anything unusual goes through the package directly.
 */
export function toLatin(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) out += lower[i];
    else {
      const mapped = c >= CYRILLIC_FROM && c <= CYRILLIC_TO ? CYRILLIC_TABLE[c - CYRILLIC_FROM] : undefined;
      if (mapped === undefined) return slowLatin(text);
      out += mapped;
    }
  }
  return out;
}

const VOWELS = 'aeiou';

const DIGRAPHS: Record<string, string> = {
  ck: 'k',
  ts: 'c',
  tz: 'c',
  ch: 'c',
  sh: 's',
  zh: 'i',
  ph: 'f',
  th: 't',
  kh: 'k',
};
const SINGLE: Record<string, string> = { q: 'k', w: 'v', x: 'ks', h: 'k', z: 's', y: 'i', j: 'i' };

/** The folded Latin skeleton of a word (see the module comment), in one pass over its letters. */
export function skeleton(word: string): string {
  const s = toLatin(word);
  let folded = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c < 'a' || c > 'z') continue;
    if (c === 's' && s.startsWith('shch', i)) {
      folded += 's';
      i += 3;
      continue;
    }
    const pair = DIGRAPHS[c + (s[i + 1] ?? '')];
    if (pair !== undefined) {
      folded += pair;
      i++;
      continue;
    }
    folded += SINGLE[c] ?? c;
  }
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i] ?? '';
    const next = folded[i + 1] ?? '';
    if (c === 'i' && VOWELS.includes(next) && next !== 'i') continue;
    if (c === out[out.length - 1]) continue;
    out += c;
  }
  return out;
}

/** The skeleton without trailing vowels (kept at 3 letters at least): the cross-script name key. */
export function nameKey(word: string): string {
  const s = skeleton(word);
  let end = s.length;
  while (end > 3 && VOWELS.includes(s[end - 1] ?? '')) end--;
  return s.slice(0, end);
}

/**
 * Language of a text: en / ru / kk / other. franc (trigram models; 'kaz', 'rus', 'eng') combined with
 * script evidence, because franc can confuse Kazakh and Russian on short texts: the letters
 * ә ғ қ ң ө ұ ү һ і are a strong Kazakh signal (Russian has none of them), while ї є ґ ў ҳ ҷ ҡ ҙ ҫ җ
 * point to Ukrainian, Uzbek, Tajik, Bashkir or Tatar. Latin-script Kazakh (ä ğ ı ñ ö ū ü ş, q) is
 * recognized too. A declared language (html lang, og:locale) decides when the text is too short.
 */
import { franc } from 'franc';
import type { Language } from '../model/types.js';

const SAMPLE = 20_000;
/** Below this many letters, a declared language outweighs franc. */
const SHORT = 200;

function countMatches(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Maps a BCP 47 tag or locale ('ru-RU', 'kk_KZ', 'kz', 'en') to a Language; null when absent. */
export function languageFromTag(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === '') return null;
  if (primary === 'ru') return 'ru';
  if (primary === 'kk' || primary === 'kz' || primary === 'kaz') return 'kk';
  if (primary === 'en') return 'en';
  return 'other';
}

/** Short function words that exist in one language and not the other (Kazakh "не", "от", "о", "а" are left out). */
const RU_WORDS = new Set(
  'в и с на что по для это как из к за у при был была были его её их также так но или уже после который которая которые чтобы когда если'.split(
    ' ',
  ),
);
const KK_WORDS = new Set(
  'және мен бұл деп үшін бойынша бен пен екен болып осы сол оның ол бір барлық арқылы туралы кейін бірақ немесе ғана әрі оны олар біз сіз керек болады еді жоқ бар'.split(
    ' ',
  ),
);
/** Cyrillic languages franc may name that are neither Russian nor Kazakh. */
const OTHER_CYRILLIC = new Set([
  'ukr',
  'bel',
  'bul',
  'mkd',
  'srp',
  'kir',
  'tat',
  'bak',
  'uzb',
  'tgk',
  'khk',
  'mon',
  'chv',
  'sah',
  'tyv',
]);

function cyrillicVerdict(
  sample: string,
  cyr: number,
  shortText: boolean,
  declared: Language | null,
): Language {
  const kk = countMatches(sample, /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g);
  const kkUnique = countMatches(sample, /[ұҰқҚәӘғҒ]/g);
  const foreign = countMatches(sample, /[їЇєЄґҐўЎҳҲҷҶҡҠҙҘҫҪҗҖӣӢӯӮђЂјЈљЉњЊћЋџЏѓЃќЌѕЅ]/g);
  const words = sample.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const ruWords = words.filter((w) => RU_WORDS.has(w)).length;
  const kkWords = words.filter((w) => KK_WORDS.has(w)).length;
  const kkRatio = kk / cyr;
  const guess = franc(sample, { minLength: 10 });

  if (foreign > 0 && guess !== 'rus' && guess !== 'kaz') return 'other';
  if (kkWords > ruWords && kk > 0) return 'kk';
  if (ruWords > kkWords) return 'ru';
  if (kkUnique > 0 && kkRatio >= 0.03) return 'kk';
  if (guess === 'kaz' && kk > 0) return 'kk';
  if (shortText && (declared === 'ru' || declared === 'kk')) return declared;
  if (kkUnique > 0 && kkRatio >= 0.01) return 'kk';
  if (guess === 'rus' || guess === 'und' || guess === 'kaz') return 'ru';
  // franc sometimes names a close relative (bel, bul) for short Russian text without that language's letters.
  if (OTHER_CYRILLIC.has(guess) && !(kk === 0 && countMatches(sample, /[ыэё]/gi) > 0)) return 'other';
  return kk === 0 ? 'ru' : 'other';
}

function latinVerdict(sample: string, lat: number, shortText: boolean, declared: Language | null): Language {
  if (shortText && declared !== null && declared !== 'ru') return declared;
  const guess = franc(sample, { minLength: 10 });
  if (guess === 'eng') return 'en';
  const kkLatin = countMatches(sample, /[äūÄŪ]/g) + countMatches(sample, /[qQ]/g);
  if (kkLatin / lat >= 0.015 && countMatches(sample, /[ğıñöüşĞÑÖÜŞİ]/g) > 0) return 'kk';
  if (guess === 'und') return /^[\x20-\x7e\s]*$/.test(sample) ? 'en' : 'other';
  return 'other';
}

/**
 * The language of `text`; `declared` is the page's own claim (html lang, meta, og:locale), or null.
 * Null only when there is no text and nothing declared.
 */
export function detectLanguage(text: string, declared: string | null): Language | null {
  const declaredLang = languageFromTag(declared);
  const sample = text.slice(0, SAMPLE);
  const cyr = countMatches(sample, /[\u0400-\u04ff]/g);
  const lat = countMatches(sample, /[a-zA-Z\u00c0-\u024f]/g);
  if (cyr + lat < 3) return declaredLang ?? (sample.trim() === '' ? null : 'other');
  const shortText = cyr + lat < SHORT;
  return cyr >= lat
    ? cyrillicVerdict(sample, cyr, shortText, declaredLang)
    : latinVerdict(sample, lat, shortText, declaredLang);
}

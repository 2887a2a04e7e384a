/**
 * A light, rule-based stemmer for Kazakh, in Cyrillic and in Latin script (the 2021 alphabet with
 * ä ğ ı ñ ö ş ū ü, the 2018 one with acute accents, and informal spellings without diacritics).
 *
 * Kazakh is agglutinative: root + plural + possessive + case. This stemmer strips, from the end of
 * a folded word, at most one case ending, then at most one possessive ending, then at most one
 * plural ending (every vowel-harmony and consonant-assimilation variant is listed). It never strips
 * derivational suffixes (-лық/-лік, -шы/-ші), so "бітімгершілік" stays whole. A suffix is removed
 * only when at least MIN_STEM letters remain (MIN_STEM_SHORT for one-letter suffixes), which keeps
 * short roots intact. It is deliberately simple: the same rules apply to catalogue terms and
 * article words, so both sides reduce to the same stem even when that stem is not a dictionary root.
 *
 * Examples: Қазақстанның, Қазақстанда, Қазақстанға → қазақстан; зертханалары → зертхана;
 * мемлекетінде → мемлекет; бригадалар → бригада; Qazaqstannyñ → qazaqstan.
 */

const MIN_STEM = 3;
const MIN_STEM_SHORT = 4;

/** Longest first, so "ндағы" wins over "да". */
function byLength(list: string[]): string[] {
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

const CYR_CASE = byLength([
  // locative-adjectival
  'дағы', 'дегі', 'тағы', 'тегі', 'ндағы', 'ндегі',
  // genitive
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
  // ablative
  'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'ндан', 'нден',
  // locative
  'да', 'де', 'та', 'те', 'нда', 'нде',
  // dative
  'ға', 'ге', 'қа', 'ке', 'на', 'не',
  // accusative
  'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'ын', 'ін',
  // instrumental
  'мен', 'бен', 'пен', 'менен', 'бенен', 'пенен',
]);
const CYR_POSSESSIVE = byLength([
  'ымыз', 'іміз', 'мыз', 'міз', 'ыңыз', 'іңіз', 'ңыз', 'ңіз', 'ым', 'ім', 'ың', 'ің', 'сы', 'сі', 'ы', 'і',
]);
const CYR_PLURAL = byLength(['лар', 'лер', 'дар', 'дер', 'тар', 'тер']);

const LAT_CASE = byLength([
  'dağy', 'dagy', 'degi', 'tağy', 'tagy', 'tegi', 'ndağy', 'ndagy', 'ndegi', 'daǵy', 'taǵy',
  'nyñ', 'niñ', 'dyñ', 'diñ', 'tyñ', 'tiñ', 'nyn', 'nin', 'dyn', 'din', 'tyn', 'tin', 'nyń', 'niń', 'dyń', 'diń',
  'dan', 'den', 'tan', 'ten', 'nan', 'nen', 'ndan', 'nden',
  'da', 'de', 'ta', 'te', 'nda', 'nde',
  'ğa', 'ga', 'ǵa', 'ge', 'qa', 'ke', 'na', 'ne',
  'ny', 'ni', 'dy', 'di', 'ty', 'ti', 'yn', 'in',
  'men', 'ben', 'pen',
]);
const LAT_POSSESSIVE = byLength(['ymyz', 'imiz', 'myz', 'miz', 'ym', 'im', 'sy', 'si', 'y', 'i']);
const LAT_PLURAL = byLength(['lar', 'ler', 'dar', 'der', 'tar', 'ter']);

function stripOne(word: string, suffixes: string[]): string {
  for (const s of suffixes) {
    if (!word.endsWith(s)) continue;
    const rest = word.length - s.length;
    if (rest >= (s.length === 1 ? MIN_STEM_SHORT : MIN_STEM)) return word.slice(0, rest);
  }
  return word;
}

/**
 * One round strips case, possessive, plural; rounds repeat until nothing changes, so a base form
 * whose ending looks like a suffix ("Қазақстан" ends in "-тан") and its inflections ("Қазақстанда")
 * still meet at the same stem.
 */
function stemWith(word: string, slots: string[][]): string {
  let w = word;
  for (let round = 0; round < 4; round++) {
    const before = w;
    for (const slot of slots) w = stripOne(w, slot);
    if (w === before) break;
  }
  return w;
}

/** Stems a folded (lower-case) Kazakh word written in Cyrillic. */
export function stemKazakhCyrillic(word: string): string {
  return stemWith(word, [CYR_CASE, CYR_POSSESSIVE, CYR_PLURAL]);
}

/** Stems a folded (lower-case) Kazakh word written in Latin script. */
export function stemKazakhLatin(word: string): string {
  return stemWith(word, [LAT_CASE, LAT_POSSESSIVE, LAT_PLURAL]);
}

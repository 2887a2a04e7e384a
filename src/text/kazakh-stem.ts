/**
 * A light, rule-based stemmer for Kazakh, in Cyrillic and in Latin script (the 2021 alphabet with
 * ä ğ ı ñ ö ş ū ü, the 2018 one with acute accents, and informal spellings without diacritics).
 *
 * Kazakh is agglutinative: root + plural + possessive + case. One round of this stemmer removes,
 * from the end of a folded word, at most one case ending, then at most one possessive ending, then
 * at most one plural ending (the longest variant first; every vowel-harmony and assimilation
 * variant is listed); rounds repeat until nothing changes. It never strips derivational suffixes
 * (-лық/-лік, -шы/-ші), so "бітімгершілік" stays whole. A suffix is removed only when at least
 * MIN_STEM letters remain (MIN_STEM_SHORT for one-letter suffixes), so short roots stay intact, and
 * only after the sounds it can follow: т-/қ-/к- endings after voiceless consonants, д-/ғ-/г- endings
 * after vowels and voiced consonants, н-endings (-нда, -нан, -на, …) after the possessive -ы/-і or,
 * for -нан/-ның, after a nasal. So "Қазақстанда" loses "-да", not "-нда", and passes through
 * "Қазақстан".
 *
 * A base form whose ending looks like a suffix ("Қазақстан" ends in "-тан") is stripped too, so the
 * final stem alone is not reliable. The matcher therefore uses CHAINS: every form from the word to
 * its stem. A catalogue term written in Kazakh matches an article word when the term (as written)
 * is on the word's chain: "мемлекет" matches "мемлекетінде" (→ мемлекеті → мемлекет), "Almaty"
 * matches "Almatyda", and an inflected term keeps its meaning: "Қазақстаннан" (from Kazakhstan)
 * matches "Қазақстаннан" but not "Қазақстан".
 *
 * Examples: Қазақстанның, Қазақстанда, Қазақстанға → қазақстан; зертханалары → зертхана;
 * мемлекетінде → мемлекет; бригадалар → бригада; Qazaqstannyñ → qazaqstan.
 */

const MIN_STEM = 3;
const MIN_STEM_SHORT = 4;
const MAX_ROUNDS = 3;

interface Suffix {
  text: string;
  /** The letters the suffix may follow; undefined = any. */
  after?: string;
}

/** Suffixes separated by "|"; `after` constrains all of them. */
function group(list: string, after?: string): Suffix[] {
  return list
    .split('|')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text) => (after === undefined ? { text } : { text, after }));
}

function slot(...groups: Suffix[][]): Suffix[] {
  return groups.flat().sort((a, b) => b.text.length - a.text.length);
}

const CYR_VOWELS = 'аәеиоөұүыіуэюя';
const CYR_VOICELESS = 'кқпстфхцчшщ';
const CYR_VOICED = `${CYR_VOWELS}бвгғджзйлмнңрһ`;
const CYR_POSS = 'ыі';
const CYR_NASAL = 'мнң';

/** Suffix slots in the order they are removed: case, possessive, plural. */
const CYRILLIC_SLOTS = [
  slot(
    group('дағы | дегі | дың | дің | дан | ден | да | де | ды | ді', CYR_VOICED),
    group('тағы | тегі | тың | тің | тан | тен | та | те | ты | ті | қа | ке', CYR_VOICELESS),
    group('ға | ге', CYR_VOICED),
    group('ндағы | ндегі | ндан | нден | нда | нде | на | не | н', CYR_POSS),
    group('нан | нен', CYR_POSS + CYR_NASAL),
    group('ның | нің', CYR_VOWELS + CYR_NASAL),
    group('ны | ні', CYR_VOWELS),
    group('мен | бен | пен | менен | бенен | пенен'),
  ),
  slot(group('ымыз | іміз | мыз | міз | ыңыз | іңіз | ңыз | ңіз | ым | ім | ың | ің | сы | сі | ы | і')),
  slot(group('лар | лер | дар | дер | тар | тер')),
];

const LAT_VOWELS = 'aäeéioöuūüyıáóú';
const LAT_VOICELESS = 'kqpstfhçş';
const LAT_VOICED = `${LAT_VOWELS}bvgğǵdjzlmnñńrw`;
const LAT_POSS = 'yiı';
const LAT_NASAL = 'mnñń';

const LATIN_SLOTS = [
  slot(
    group(
      'dağy | dagy | daǵy | degi | dyñ | diñ | dyń | diń | dyn | din | dan | den | da | de | dy | di',
      LAT_VOICED,
    ),
    group(
      'tağy | tagy | taǵy | tegi | tyñ | tiñ | tyń | tiń | tyn | tin | tan | ten | ta | te | ty | ti',
      LAT_VOICELESS,
    ),
    group('qa | ke', LAT_VOICELESS),
    group('ğa | ga | ǵa | ge', LAT_VOICED),
    group('ndağy | ndagy | ndegi | ndan | nden | nda | nde | na | ne | n', LAT_POSS),
    group('nan | nen', LAT_POSS + LAT_NASAL),
    group('nyñ | niñ | nyń | niń | nyn | nin', LAT_VOWELS + LAT_NASAL),
    group('ny | ni', LAT_VOWELS),
    group('men | ben | pen'),
  ),
  slot(group('ymyz | imiz | myz | miz | ym | im | sy | si | y | i')),
  slot(group('lar | ler | dar | der | tar | ter')),
];

function stripOne(word: string, suffixes: readonly Suffix[]): string {
  for (const s of suffixes) {
    if (!word.endsWith(s.text)) continue;
    const rest = word.length - s.text.length;
    if (rest < (s.text.length === 1 ? MIN_STEM_SHORT : MIN_STEM)) continue;
    if (s.after !== undefined && !s.after.includes(word[rest - 1] ?? '')) continue;
    return word.slice(0, rest);
  }
  return word;
}

/** Every form on the way from the word to its stem, the word first and the stem last. */
function chain(word: string, slots: ReadonlyArray<readonly Suffix[]>): string[] {
  const out = [word];
  let w = word;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = w;
    for (const s of slots) {
      const next = stripOne(w, s);
      if (next !== w) out.push(next);
      w = next;
    }
    if (w === before) break;
  }
  return out;
}

/** The stripping chain of a folded Kazakh word in Cyrillic (word, intermediate forms, stem). */
export function kazakhCyrillicChain(word: string): string[] {
  return chain(word, CYRILLIC_SLOTS);
}

/** The stripping chain of a folded Kazakh word in Latin script. */
export function kazakhLatinChain(word: string): string[] {
  return chain(word, LATIN_SLOTS);
}

/** Stems a folded (lower-case) Kazakh word written in Cyrillic. */
export function stemKazakhCyrillic(word: string): string {
  const c = kazakhCyrillicChain(word);
  return c[c.length - 1] ?? word;
}

/** Stems a folded (lower-case) Kazakh word written in Latin script. */
export function stemKazakhLatin(word: string): string {
  const c = kazakhLatinChain(word);
  return c[c.length - 1] ?? word;
}

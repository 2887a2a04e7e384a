/**
 * Synthetic data for `npm run bench`: catalogues of any size with realistic multi-language concepts,
 * and a ~100 KB news article in Russian, English and Kazakh.
 *
 * Each synthetic entry has 3-5 concepts. Most concepts are specific to the entry (pseudo-words in
 * Latin and Cyrillic, single words, prefixes and phrases); every entry also shares the common
 * concepts real catalogues repeat everywhere (Kazakhstan, Russia, NATO, the West, …), so an
 * article's frequent words hit thousands of entries at once, as they would in production.
 */
import type { Catalogue, Entry, EntryInput } from '../src/model/catalogue.js';
import { entrySchema } from '../src/model/catalogue.js';
import { textOf } from '../src/claims/strings.js';

export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Article filler words use other syllables than catalogue terms, so they match nothing by accident. */
const FILL_LAT = ['po', 'ly', 'xu', 'wen', 'qui', 'ost', 'rev', 'fa'];
const FILL_CYR = ['по', 'лы', 'хю', 'вен', 'кви', 'ост', 'рёв', 'фа'];

const LAT =
  'ka ra to mi sen bor lan tek vi dar nu pol ser gat zhe mak tur bel sim dom nar kor les pin tam gor sol vek'.split(
    ' ',
  );
const CYR =
  'ка ра то ми сен бор лан тек ви дар ну пол сер гат же мак тур бел сим дом нар кор лес пин там гор сол век'.split(
    ' ',
  );
const KK =
  'қа ра тө мі сең бор лан тек ұл дар ғы пол сер ат жә мақ тұр бел сім дөм нар қор лес пін там гөр сол век'.split(
    ' ',
  );

const COMMON: Record<string, { en: string[]; ru: string[]; kk: string[] }> = {
  kazakhstan: {
    en: ['Kazakhstan*', 'Kazakh*', 'Astana'],
    ru: ['Казахстан*', 'казах*', 'Астан*'],
    kk: ['Қазақстан*', 'Астана*'],
  },
  russia: {
    en: ['Russia', 'Moscow', 'Kremlin'],
    ru: ['Росси*', 'Москв*', 'Кремл*'],
    kk: ['Ресей*', 'Мәскеу*'],
  },
  nato: { en: ['NATO', 'the alliance'], ru: ['НАТО', 'альянс*'], kk: ['НАТО'] },
  west: { en: ['the West', 'Western countries'], ru: ['Запад*', 'западн* стран*'], kk: ['Батыс*'] },
  military: { en: ['troops', 'military', 'army'], ru: ['войск*', 'военн*', 'арми*'], kk: ['әскер*'] },
  ukraine: { en: ['Ukraine', 'Kyiv'], ru: ['Украин*', 'Киев*'], kk: ['Украина*'] },
};
const COMMON_NAMES = Object.keys(COMMON);

function word(next: () => number, syllables: readonly string[]): string {
  let w = '';
  const n = 3 + Math.floor(next() * 2);
  for (let i = 0; i < n; i++) w += syllables[Math.floor(next() * syllables.length)];
  return w;
}

function term(next: () => number, syllables: readonly string[]): string {
  const r = next();
  if (r < 0.3) return `${word(next, syllables)}*`;
  if (r < 0.55) return `${word(next, syllables)} ${word(next, syllables)}`;
  return word(next, syllables);
}

function terms(next: () => number, s: readonly string[]): string[] {
  return Array.from({ length: 2 + Math.floor(next() * 4) }, () => term(next, s));
}

export function syntheticCatalogue(size: number, seed = 1): Catalogue {
  const next = rng(seed);
  const entries: Entry[] = [];
  for (let i = 0; i < size; i++) {
    const concepts: EntryInput['match']['concepts'] = {};
    const own = 2 + Math.floor(next() * 2);
    for (let c = 0; c < own; c++)
      concepts[`topic_${c}`] = { en: terms(next, LAT), ru: terms(next, CYR), kk: terms(next, KK) };
    const common = COMMON_NAMES[Math.floor(next() * COMMON_NAMES.length)] ?? 'kazakhstan';
    concepts[common] = COMMON[common] ?? { en: ['x'] };
    const input: EntryInput = {
      id: `synthetic-${i}`,
      kind: i % 5 === 0 ? 'narrative' : 'claim',
      ...(i % 5 === 0 || i < 5 ? {} : { parent: `synthetic-${i - (i % 5)}` }),
      rating: 'false',
      first_seen: '2024-01-01',
      updated: '2024-01-02',
      title: { en: `Synthetic entry ${i}` },
      summary: { en: 'Synthetic.' },
      context: { en: 'Synthetic.' },
      denials: [],
      no_official_denial: 'Synthetic entry.',
      match: {
        concepts,
        patterns: [
          ['topic_0', 'topic_1'],
          ['topic_0', common],
        ],
        window: 2,
        ...(next() < 0.2 ? { exclude: { en: [word(next, LAT)] } } : {}),
      },
      examples: {
        match: [
          { lang: 'en', text: 'a' },
          { lang: 'en', text: 'b' },
        ],
        no_match: [{ lang: 'en', text: 'c' }],
      },
    };
    entries.push(entrySchema.parse(input));
  }
  return { version: `synthetic-${size}`, entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

const RU = [
  'Правительство Казахстана обсудило с Россией поставки зерна и топлива на следующий год.',
  'В Астане прошло заседание, на котором министры рассмотрели программу развития регионов.',
  'Эксперты отмечают, что экономика страны растёт третий год подряд, несмотря на санкции против России.',
  'Военные Казахстана провели учения на полигоне, в них участвовали подразделения армии.',
  'Телеграм-каналы снова пишут о НАТО, но официальных подтверждений нет.',
  'Жители Алматы жалуются на пробки и загрязнение воздуха зимой.',
];
const EN = [
  'Kazakhstan and Russia signed new agreements on energy and transport this week.',
  'Officials in Astana said the budget would prioritise schools, hospitals and roads.',
  'Analysts say the West is watching Central Asia more closely since the war in Ukraine began.',
  'The army held exercises near the border, the defence ministry said on Tuesday.',
];
const KKS = [
  'Қазақстан үкіметі Ресеймен астық жеткізу мәселесін талқылады.',
  'Астанада өңірлерді дамыту бағдарламасы бойынша отырыс өтті.',
  'Алматы тұрғындары қыста ауаның ластануына шағымданады.',
];

/** A fixed vocabulary of filler words, shared by every synthetic article (like a language's words). */
function vocabulary(syllables: readonly string[], size: number, seed: number): string[] {
  const next = rng(seed);
  return Array.from({ length: size }, () => word(next, syllables));
}
const FILL_LAT_WORDS = vocabulary(FILL_LAT, 3000, 11);
const FILL_CYR_WORDS = vocabulary(FILL_CYR, 6000, 12);

/** About `bytes` bytes of news text in three languages, with varied vocabulary and paragraphs. */
export function syntheticArticle(bytes: number, seed = 7): string {
  const next = rng(seed);
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const pool = [RU, EN, KKS][Math.floor(next() * 3)] ?? RU;
    let s = pool[Math.floor(next() * pool.length)] ?? '';
    if (next() < 0.5) {
      const fill = pool === EN ? FILL_LAT_WORDS : FILL_CYR_WORDS;
      // Zipf-like: a few filler words are frequent, most are rare, as in real text.
      const pick = () => fill[Math.floor(fill.length * next() ** 2)] ?? '';
      s = `${s.slice(0, -1)}, ${pick()} ${pick()}.`;
    }
    parts.push(s);
    n++;
    if (n % 4 === 0) parts.push('\n\n');
    size += Buffer.byteLength(s) + 1;
  }
  return parts.join(' ');
}

/** Sentences that satisfy the first pattern of a few entries, so matching has work to do. */
export function plantedSentences(catalogue: Catalogue, count: number): string {
  const out: string[] = [];
  for (const e of catalogue.entries.slice(0, count)) {
    const pick = (c: string) => textOf(e.match.concepts[c]?.en?.[0] ?? '').replace(/\*$/, '');
    out.push(`Reports say ${pick('topic_0')} and ${pick('topic_1')} again.`);
  }
  return out.join(' ');
}

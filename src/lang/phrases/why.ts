/**
 * The one line on why a match has its stance, in each reply language. The matcher keeps the reason
 * as data (Match.reason) and its English line in Match.why (the JSON output); a reply words the
 * reason in the newsroom's language.
 */
import type { ReplyLang, WhyCode, WhyReason } from '../../model/types.js';

export interface WhyPhrases {
  code: Readonly<Record<WhyCode, string>>;
  /** Appended when the narrative's vocabulary carried the match. */
  vocabulary(terms: readonly string[]): string;
  /** Appended for a match found through one of the entry's examples. */
  example(words: number): string;
  /** Listed outlet kinds (sources/schema.ts); an unknown kind is shown as written. */
  sourceKind: Readonly<Record<string, string>>;
  published(name: string, kind: string, classifiedBy: string): string;
  /** Between the reason and `published` when the source decided the stance. */
  noCounterVoice: string;
}

const quoted = (terms: readonly string[]) => terms.map((t) => `«${t}»`).join(', ');

const en: WhyPhrases = {
  code: {
    counter: 'mixed: the article dismisses a denial or insists the claim is true',
    refuted: 'the article refutes the claim',
    negated: 'the article states the claim negated',
    refutedArticle: 'the article refutes the claim in its headline or throughout',
    distance: 'the article keeps the claim at a distance',
    quoted: 'the article puts the claim in quotation marks',
    attributed: 'reports what a named third party claimed',
    launderedReported: 'hedged or attributed to unnamed sources, and the article carries a counter-voice',
    laundered: 'repeats the claim, hedged or attributed to unnamed sources, with no denial or counter-voice',
    reportedArticle: 'the article distances itself from the claim elsewhere',
    own: "states the claim in the article's own voice",
  },
  vocabulary: (terms) => `; the narrative's vocabulary: ${quoted(terms)}`,
  example: (n) => `; close to one of the entry's examples (${n} rare words shared)`,
  sourceKind: {
    state_media: 'state media',
    affiliated: 'affiliated outlet',
    anonymous_channel: 'anonymous channel',
  },
  published: (name, kind, by) => `published by ${name} (${kind}; classified by ${by})`,
  noCounterVoice: ', with no counter-voice, ',
};

const ru: WhyPhrases = {
  code: {
    counter: 'сигналы смешанные: статья отметает опровержение или настаивает, что утверждение верно',
    refuted: 'статья опровергает утверждение',
    negated: 'статья излагает утверждение с отрицанием',
    refutedArticle: 'статья опровергает утверждение в заголовке или на протяжении всего текста',
    distance: 'статья держит дистанцию от утверждения',
    quoted: 'статья берёт утверждение в кавычки',
    attributed: 'пересказывает, что утверждает названное третье лицо',
    launderedReported:
      'с оговорками или со ссылкой на неназванные источники, но в статье есть и другая сторона',
    laundered:
      'повторяет утверждение с оговорками или со ссылкой на неназванные источники, без опровержения и без другой стороны',
    reportedArticle: 'в другом месте статья дистанцируется от утверждения',
    own: 'излагает утверждение от лица самой статьи',
  },
  vocabulary: (terms) => `; лексика нарратива: ${quoted(terms)}`,
  example: (n) => `; близко к одному из примеров записи (общих редких слов: ${n})`,
  sourceKind: {
    state_media: 'государственное СМИ',
    affiliated: 'аффилированное издание',
    anonymous_channel: 'анонимный канал',
  },
  published: (name, kind, by) => `опубликовано: ${name} (${kind}; по классификации: ${by})`,
  noCounterVoice: ', без другой стороны, ',
};

const kk: WhyPhrases = {
  code: {
    counter: 'белгілер аралас: мақала теріске шығаруды жоққа санайды немесе мәлімдеме рас деп қасарысады',
    refuted: 'мақала мәлімдемені теріске шығарады',
    negated: 'мақала мәлімдемені болымсыз түрде келтіреді',
    refutedArticle: 'мақала мәлімдемені тақырыбында немесе бүкіл мәтін бойы теріске шығарады',
    distance: 'мақала мәлімдемеден өзін алшақ ұстайды',
    quoted: 'мақала мәлімдемені тырнақшаға алады',
    attributed: 'аты аталған үшінші тараптың сөзін жеткізеді',
    launderedReported: 'ескертпемен не аты аталмаған дереккөздерге сілтеп, бірақ мақалада қарсы пікір де бар',
    laundered:
      'мәлімдемені ескертпемен не аты аталмаған дереккөздерге сілтеп қайталайды, теріске шығарусыз, қарсы пікірсіз',
    reportedArticle: 'мақала басқа жерде мәлімдемеден алшақтайды',
    own: 'мәлімдемені мақаланың өз атынан айтады',
  },
  vocabulary: (terms) => `; нарратив лексикасы: ${quoted(terms)}`,
  example: (n) => `; жазба мысалдарының біріне жақын (ортақ сирек сөздер: ${n})`,
  sourceKind: {
    state_media: 'мемлекеттік БАҚ',
    affiliated: 'аффилирленген басылым',
    anonymous_channel: 'анонимді арна',
  },
  published: (name, kind, by) => `жариялаған: ${name} (${kind}; жіктеген: ${by})`,
  noCounterVoice: ', қарсы пікірсіз, ',
};

const TABLES: Readonly<Record<ReplyLang, WhyPhrases>> = { en, ru, kk };

/** The outlet's kind in words (English unless a language is given). */
export function sourceKindLabel(kind: string, lang: ReplyLang = 'en'): string {
  return TABLES[lang].sourceKind[kind] ?? en.sourceKind[kind] ?? kind;
}

/** The reason as one line in `lang` (English by default: what Match.why holds). */
export function whyLine(reason: WhyReason, lang: ReplyLang = 'en'): string {
  const p = TABLES[lang] ?? en;
  let line = p.code[reason.code];
  if (reason.vocabulary) line += p.vocabulary(reason.vocabulary);
  if (reason.exampleWords !== undefined) line += p.example(reason.exampleWords);
  const s = reason.source;
  if (s) {
    line += s.decided ? p.noCounterVoice : '; ';
    line += p.published(s.name, sourceKindLabel(s.kind, lang), s.classifiedBy.join(', '));
  }
  return line;
}

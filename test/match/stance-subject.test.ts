/**
 * Refutation and distancing cues count only when they concern the claim: near its sentences, or in
 * a sentence that names its subject. A stray "fake flowers" elsewhere must not switch an alert off;
 * a real denial right after the claim, or one naming the claim's subject, still keeps it from
 * `promotes`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import type { Catalogue } from '../../src/model/catalogue.js';
import type { LexicalMatcher } from '../../src/model/ports.js';
import type { Match } from '../../src/model/types.js';
import { isAlert } from '../../src/model/alert.js';
import { flags } from '../../src/match/eval-metrics.js';
import { createLexicalMatcher } from '../../src/match/index.js';

const THRESHOLD = 0.5;
const NATO = 'nato-peacekeeping-centre';

let catalogue: Catalogue;
let matcher: LexicalMatcher;

beforeAll(async () => {
  catalogue = await loadCatalogue('claims');
  matcher = createLexicalMatcher(catalogue);
});

function run(text: string, language: Lang): Match[] {
  return matcher.match({ text, title: null, language });
}
function find(text: string, language: Lang, id: string): Match | undefined {
  return run(text, language).find((m) => m.id === id);
}

/** Per language: a claim, a filler sentence, and unrelated sentences with a refutation or distancing word. */
type Lang = 'en' | 'ru' | 'kk';
const TEXTS: Record<Lang, { claim: string; filler: string; strayRefute: string; strayDistance: string }> = {
  en: {
    claim:
      'A NATO peacekeeping centre has quietly opened in Kazakhstan, and US ambassador Rosenblum was there to cut the ribbon.',
    filler: 'The weather was sunny all week.',
    strayRefute: 'Many people in the city enjoy fake flowers and plastic trees.',
    strayDistance: 'Rumours about a new bakery spread quickly among the neighbours.',
  },
  ru: {
    claim:
      'Астана сделала выбор: в Казахстане торжественно открыли центр НАТО, посол Розенблюм перерезал ленточку.',
    filler: 'Всю неделю стояла солнечная погода.',
    strayRefute: 'Многие горожане любят фейковые цветы и пластиковые ёлки.',
    strayDistance: 'По району ходят слухи о новой пекарне.',
  },
  kk: {
    claim: 'Алматыда НАТО-ның бітімгершілік орталығы ашылды, енді әскерилер альянс талаптарымен оқытылады.',
    filler: 'Апта бойы күн ашық болды.',
    strayRefute: 'Базардағы бағалар туралы жалған хабарлар тарады.',
    strayDistance: 'Жаңа наубайхана туралы әңгіме таратылды.',
  },
};
const LANGS: Lang[] = ['en', 'ru', 'kk'];

describe('a refutation or distancing word about something else', () => {
  it.each(LANGS)('%s: promoting text + an unrelated sentence with a refutation word still alerts', (lang) => {
    const t = TEXTS[lang];
    const text = `${t.claim} ${t.filler} ${t.strayRefute}`;
    expect(find(text, lang, NATO)?.stance).toBe('promotes');
    expect(isAlert(run(text, lang), THRESHOLD)).toBe(true);
  });

  it.each(LANGS)('%s: the same sentence before the claim, far from it, changes nothing either', (lang) => {
    const t = TEXTS[lang];
    const alone = find(t.claim, lang, NATO);
    const text = `${t.strayRefute} ${t.filler} ${t.filler} ${t.claim}`;
    expect(find(text, lang, NATO)).toEqual(alone);
  });

  it.each(LANGS)('%s: a stray distancing word keeps the confidence of the claim alone', (lang) => {
    const t = TEXTS[lang];
    const alone = find(t.claim, lang, NATO);
    expect(alone?.stance).toBe('promotes');
    expect(find(`${t.claim} ${t.filler} ${t.strayDistance}`, lang, NATO)).toEqual(alone);
  });

  it('keeps every catalogue `match` example alerting with stray refutations appended', () => {
    const missed: string[] = [];
    for (const e of catalogue.entries) {
      for (const ex of e.examples.match) {
        const t = TEXTS[ex.lang];
        const text = `${ex.text} ${t.filler} ${t.strayRefute} ${t.strayDistance}`;
        if (!flags(run(text, ex.lang), e.id, catalogue, THRESHOLD)) missed.push(`${e.id}: ${ex.text}`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('a denial that concerns the claim', () => {
  const RIGHT_AFTER: Record<Lang, string> = {
    en: 'This is fake: the ministry said no such centre exists.',
    ru: 'Это фейк, такого центра не существует.',
    kk: 'Бұл жалған ақпарат.',
  };
  const NAMING_SUBJECT: Record<Lang, string> = {
    en: 'Reports about a NATO centre in Kazakhstan are fake.',
    ru: 'Сообщения о центре НАТО в Казахстане — фейк.',
    kk: 'НАТО орталығы туралы хабар жалған.',
  };

  it.each(LANGS)('%s: a debunk sentence right after the claim → debunks', (lang) => {
    const t = TEXTS[lang];
    const text = `${t.claim} ${RIGHT_AFTER[lang]}`;
    expect(find(text, lang, NATO)?.stance).toBe('debunks');
    expect(isAlert(run(text, lang), THRESHOLD)).toBe(false);
  });

  it.each(LANGS)('%s: a refutation naming the claim, far from it, still keeps it from promotes', (lang) => {
    const t = TEXTS[lang];
    const text = `${t.claim} ${t.filler} ${t.filler} ${t.filler} ${NAMING_SUBJECT[lang]}`;
    const m = find(text, lang, NATO);
    expect(m).toBeDefined();
    expect(m?.stance).not.toBe('promotes');
    expect(isAlert(run(text, lang), THRESHOLD)).toBe(false);
  });

  it('keeps every catalogue `debunk` example from promotes, with unrelated sentences around it', () => {
    const wrong: string[] = [];
    for (const e of catalogue.entries) {
      for (const ex of e.examples.debunk) {
        const t = TEXTS[ex.lang];
        const text = `${t.filler} ${t.strayDistance} ${ex.text} ${t.filler} ${t.strayRefute}`;
        if (run(text, ex.lang).some((m) => m.stance === 'promotes')) wrong.push(`${e.id}: ${ex.text}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

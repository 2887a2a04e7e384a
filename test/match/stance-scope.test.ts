/**
 * Negation and attribution scoped over the claim's own words (scope.ts), and the narrowed counter
 * cues, on the shipped catalogue and on a small test entry.
 */
import { loadCatalogue } from '../../src/claims/load.js';
import { describe, expect, it } from 'vitest';
import type { Language, Stance } from '../../src/model/types.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const shipped = createLexicalMatcher(await loadCatalogue('claims'));
const small = createLexicalMatcher(
  testCatalogue([
    testEntry({
      id: 'nato-centre',
      match: {
        concepts: {
          nato: { en: ['NATO'], ru: ['НАТО'], kk: ['НАТО'] },
          centre: { en: ['centre', 'center'], ru: ['центр*'], kk: ['орталығ*'] },
        },
        patterns: [['nato', 'centre']],
        window: 2,
      },
    }),
  ]),
);

function stanceOf(text: string, language: Language, id: string): Stance | undefined {
  return shipped.match({ text, title: null, language }).find((m) => m.id === id)?.stance;
}
function small1(text: string, language: Language): Stance | undefined {
  return small.match({ text, title: null, language })[0]?.stance;
}

const BIOLABS = 'us-biolabs-in-kazakhstan';
const TROOPS = 'kazakh-troops-to-ukraine';

describe('negation over the claim', () => {
  it.each<[string, Language, string]>([
    ['There are no American military biolabs in Kazakhstan.', 'en', BIOLABS],
    ['В Казахстане нет американских военных биолабораторий.', 'ru', BIOLABS],
    ['Қазақстанда АҚШ-тың әскери биозертханалары жоқ.', 'kk', BIOLABS],
    ['The Pentagon did not move any biolabs from Ukraine to Kazakhstan.', 'en', BIOLABS],
    ['Пентагон не перевозил биолаборатории с Украины в Казахстан.', 'ru', BIOLABS],
    ['НАТО не собирается открывать миротворческий центр в Казахстане.', 'ru', 'nato-peacekeeping-centre'],
    ['No Kazakh troops are being sent to Ukraine.', 'en', TROOPS],
    ['Қазақстан әскерлері Украинаға жіберілмейді.', 'kk', TROOPS],
    ['The drones were not launched from Kazakhstan.', 'en', 'drones-launched-from-kazakhstan'],
    [
      'Kazakhstan has not joined Western sanctions against Russia, officials stressed again on Monday.',
      'en',
      'kazakhstan-joined-western-sanctions',
    ],
    ['Ethnic Russians in Kazakhstan are not persecuted.', 'en', 'russians-persecuted-in-kazakhstan'],
  ])('%s → debunks', (text, language, id) => {
    expect(stanceOf(text, language, id)).toBe('debunks');
  });

  it('ignores a negation far from the claim words', () => {
    expect(
      small1('NATO opened a centre in Almaty, and nobody asked whether the people did not mind.', 'en'),
    ).toBe('promotes');
    expect(small1('Внимание: центр НАТО в Алматы не закрыт.', 'ru')).toBe('promotes');
  });

  it('ignores idioms that deny nothing', () => {
    expect(small1('Kazakhstan did not hesitate to open a NATO centre.', 'en')).toBe('promotes');
    expect(small1('Not only money: NATO has opened a centre in Almaty.', 'en')).toBe('promotes');
    expect(small1('Ни для кого не секрет, что НАТО открыло центр в Алматы.', 'ru')).toBe('promotes');
    expect(small1('Астана не постеснялась открыть центр НАТО.', 'ru')).toBe('promotes');
  });

  it('reads a negation that belongs to the claim itself as the claim', () => {
    expect(
      stanceOf('У казахов никогда не было своей государственности.', 'ru', 'kazakhstan-artificial-state'),
    ).toBe('promotes');
    expect(
      stanceOf(
        'Қазақтардың ешқашан мемлекеттілігі болмаған, Қазақстан — жасанды мемлекет.',
        'kk',
        'kazakhstan-artificial-state',
      ),
    ).toBe('promotes');
  });

  it('still promotes the positive Kazakh verb and reads the negative one as a denial', () => {
    expect(small1('Алматыда НАТО орталығы ашылды.', 'kk')).toBe('promotes');
    expect(small1('Алматыда НАТО орталығы ашылмады.', 'kk')).toBe('debunks');
    expect(small1('Алматыда НАТО орталығы ашылған жоқ.', 'kk')).toBe('debunks');
  });
});

describe('narrowed counter cues', () => {
  it.each<[string, Language]>([
    ['Не верьте слухам о том, что Пентагон перевез свои биолаборатории с Украины в Казахстан.', 'ru'],
    ['Do not believe posts claiming that the Pentagon moved its biolabs from Ukraine to Kazakhstan.', 'en'],
    ["Don't believe the rumours about American biolabs in Kazakhstan.", 'en'],
    [
      'Власти Казахстана не скрывают, что лаборатория построена на американские деньги, но биологическое ' +
        'оружие там не разрабатывают, заявили в Минздраве.',
      'ru',
    ],
  ])('%s → debunks, no alert', (text, language) => {
    expect(stanceOf(text, language, BIOLABS)).toBe('debunks');
  });

  it('keeps the specific counter phrases', () => {
    expect(small1('Не верьте опровержениям: центр НАТО уже работает.', 'ru')).toBe('unclear');
    expect(small1("Don't believe the denials: NATO opened a centre in Almaty.", 'en')).toBe('unclear');
    expect(small1('Власти скрывают правду о центре НАТО.', 'ru')).toBe('unclear');
  });
});

describe('attribution to a named third party', () => {
  it.each<[string, Language, string]>([
    [
      'Russian Foreign Ministry spokeswoman Maria Zakharova said the Pentagon runs biolabs in Kazakhstan.',
      'en',
      BIOLABS,
    ],
    [
      'Официальный представитель МИД России Мария Захарова заявила, что Пентагон управляет биолабораториями в Казахстане.',
      'ru',
      BIOLABS,
    ],
    [
      'Several Russian outlets wrote that NATO would open a peacekeeping centre in Kazakhstan.',
      'en',
      'nato-peacekeeping-centre',
    ],
    [
      'Российские СМИ пишут, что Казахстан присоединился к западным санкциям против России.',
      'ru',
      'kazakhstan-joined-western-sanctions',
    ],
    [
      'Russian commentators say Kazakhstan is ungrateful for the CSTO help.',
      'en',
      'ungrateful-for-csto-2022',
    ],
    [
      'In 2014 Vladimir Putin remarked that Kazakhs had never had a state of their own.',
      'en',
      'kazakhstan-artificial-state',
    ],
    [
      'В 2014 году Владимир Путин заметил, что у казахов никогда не было своей государственности.',
      'ru',
      'kazakhstan-artificial-state',
    ],
    [
      'Ресейлік БАҚ Қазақстан Ресейге қарсы батыс санкцияларына қосылды деп жазды.',
      'kk',
      'kazakhstan-joined-western-sanctions',
    ],
  ])('%s → reports', (text, language, id) => {
    expect(stanceOf(text, language, id)).toBe('reports');
  });

  it('needs a subject before "that", and the author speaking is no attribution', () => {
    expect(small1('An analyst wrote that NATO opened a centre in Almaty.', 'en')).toBe('reports');
    expect(small1('По словам блогера, в Алматы открыли центр НАТО.', 'ru')).toBe('reports');
    expect(small1('I say that NATO has opened a centre in Almaty.', 'en')).toBe('promotes');
    expect(small1('Мы давно говорим, что в Алматы открыли центр НАТО.', 'ru')).toBe('promotes');
    expect(small1('NATO opened a centre in Almaty, and that is what it said it would do.', 'en')).toBe(
      'promotes',
    );
  });
});

describe('promoting paraphrases', () => {
  it.each<[string, Language, string]>([
    ['Kazakhstan is secretly sending its soldiers to fight for Ukraine.', 'en', TROOPS],
    ['Казахстан тайно отправляет своих военных воевать за Украину.', 'ru', TROOPS],
    ['Washington’s germ warfare facilities near Almaty keep working behind closed doors.', 'en', BIOLABS],
    ['Американские военные биологи продолжают опыты в лаборатории под Алматы.', 'ru', BIOLABS],
  ])('%s → promotes', (text, language, id) => {
    expect(stanceOf(text, language, id)).toBe('promotes');
  });
});

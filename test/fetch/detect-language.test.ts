import { franc } from 'franc';
import { describe, expect, it } from 'vitest';
import { detectLanguage, languageFromTag } from '../../src/lang/detect.js';

const KAZAKH_LONG =
  'Кеше Алматы қаласында халықаралық кітап көрмесі өтті. Көрмеге отыздан астам елден баспалар қатысты. ' +
  'Ұйымдастырушылардың айтуынша, үш күн ішінде көрмеге он мыңнан астам адам келді. ' +
  'Балаларға арналған кітаптар мен оқулықтар ерекше сұранысқа ие болды.';
const RUSSIAN_LONG =
  'Вчера в Алматы прошла международная книжная выставка. В ней приняли участие издательства из более чем ' +
  'тридцати стран. По словам организаторов, за три дня выставку посетили больше десяти тысяч человек.';

describe('detectLanguage', () => {
  it.each([
    ['a Kazakh paragraph', KAZAKH_LONG, 'kk'],
    ['a Russian paragraph', RUSSIAN_LONG, 'ru'],
    ['an English sentence', 'Today the city council approved the new budget for the river embankment.', 'en'],
    ['a Ukrainian sentence', 'Сьогодні в Києві відкрилася нова бібліотека для дітей і підлітків.', 'other'],
    [
      'a German sentence',
      'Deutschland und Frankreich haben heute ein neues Abkommen unterzeichnet.',
      'other',
    ],
    [
      'Latin-script Kazakh (2021 alphabet)',
      'Bügin Astanada jaña mektep aşyldy. Qazaqstan Respublikasynyñ Prezidenti kezdesu ötkizdi.',
      'kk',
    ],
  ])('recognizes %s', (_name, text, expected) => {
    expect(detectLanguage(text, null)).toBe(expected);
  });

  it('recognizes a short Kazakh headline whose only special letter is ң, even on a page declared Russian', () => {
    expect(detectLanguage('Астанада жаңа мектеп ашылды', 'ru')).toBe('kk');
  });

  it('keeps a Russian sentence that quotes a Kazakh name Russian, though franc says Kazakh', () => {
    const text = 'В Астане открылась выставка, посвящённая Қазақ хандығы.';
    expect(franc(text, { minLength: 10 })).toBe('kaz');
    expect(detectLanguage(text, null)).toBe('ru');
  });

  it('keeps a Russian article with a few Kazakh words Russian', () => {
    expect(detectLanguage(`${RUSSIAN_LONG} На открытии прозвучал лозунг «Кітап — білім бұлағы».`, null)).toBe(
      'ru',
    );
  });

  it('keeps a Kazakh article with a quoted Russian phrase Kazakh', () => {
    expect(detectLanguage(`${KAZAKH_LONG} Бір қонақ «это лучшая выставка» деп жазды.`, null)).toBe('kk');
  });

  it('lets the text win over a wrong declaration when there is enough of it', () => {
    expect(detectLanguage(KAZAKH_LONG, 'ru-RU')).toBe('kk');
    expect(detectLanguage(RUSSIAN_LONG, 'kk')).toBe('ru');
  });

  it('uses the declared language when the text is too short to tell', () => {
    expect(detectLanguage('Новости', 'kk-KZ')).toBe('kk');
    expect(detectLanguage('OK', 'en')).toBe('en');
  });

  it('returns null for no text and no declaration, and the declaration alone otherwise', () => {
    expect(detectLanguage('', null)).toBeNull();
    expect(detectLanguage('   ', 'ru')).toBe('ru');
    expect(detectLanguage('12 345 — 678', null)).toBe('other');
  });
});

describe('languageFromTag', () => {
  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['kk', 'kk'],
    ['kk_KZ', 'kk'],
    ['kz', 'kk'],
    ['en-GB', 'en'],
    ['uk', 'other'],
    ['', null],
    [null, null],
  ])('%j → %j', (tag, expected) => {
    expect(languageFromTag(tag)).toBe(expected);
  });
});

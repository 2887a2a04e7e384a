import { describe, expect, it } from 'vitest';
import { foldCase, hasKazakhLetters, scriptOf, stem, termKeys, tokenize } from '../../src/text/normalize.js';

describe('foldCase', () => {
  it('lower-cases, folds ё to е and keeps Kazakh letters', () => {
    expect(foldCase('ЁЛКА Қазақстан ӘСКЕРИ Ұлттық Үкімет Һ І')).toBe(
      'елка қазақстан әскери ұлттық үкімет һ і',
    );
  });
  it('normalizes typographic quotes and dashes', () => {
    expect(foldCase('«Центр НАТО» — “fake” ‘so-called’ „x“ 2022–2023')).toBe(
      '"центр нато" - "fake" \'so-called\' "x" 2022-2023',
    );
  });
  it('composes to NFC and drops soft hyphens and zero-width characters', () => {
    const decomposed = 'и\u0306од'; // й written as и + combining breve
    expect(foldCase(decomposed)).toBe('йод');
    expect(foldCase('био\u00adлаборатория\u200b')).toBe('биолаборатория');
  });
});

describe('tokenize', () => {
  it('returns folded words with offsets into the original string', () => {
    const s = '«Центр НАТО» — в Алматы!';
    const tokens = tokenize(s);
    expect(tokens.map((t) => t.word)).toEqual(['центр', 'нато', 'в', 'алматы']);
    for (const t of tokens) expect(foldCase(s.slice(t.start, t.end))).toBe(t.word);
  });
  it('splits hyphenated words into their parts', () => {
    expect(tokenize('конференц-зал, territorial-defence, Северо-Казахстанской').map((t) => t.word)).toEqual([
      'конференц',
      'зал',
      'territorial',
      'defence',
      'северо',
      'казахстанской',
    ]);
  });
  it('keeps an inner apostrophe and splits numbers on separators', () => {
    expect(tokenize('Kazakhstan’s 20,000 BSL-4').map((t) => t.word)).toEqual([
      "kazakhstan's",
      '20',
      '000',
      'bsl',
      '4',
    ]);
  });
  it('keeps offsets right for decomposed letters', () => {
    const s = 'x и\u0306од y';
    const t = tokenize(s)[1];
    expect(t?.word).toBe('йод');
    expect(s.slice(t?.start, t?.end)).toBe('и\u0306од');
  });
  it('finds nothing in punctuation', () => {
    expect(tokenize(' — «» … ')).toEqual([]);
  });
});

describe('stem', () => {
  it('brings Russian inflections together', () => {
    const forms = ['биолаборатория', 'биолаборатории', 'биолабораторий', 'биолабораториями'];
    expect(new Set(forms.map((w) => stem(w))).size).toBe(1);
    expect(stem('Бригадами')).toBe(stem('бригада'));
    expect(stem('государства')).toBe(stem('государство'));
    expect(stem('русофобии')).toBe(stem('Русофобия'));
  });
  it('brings English inflections together', () => {
    expect(stem('laboratories')).toBe(stem('laboratory'));
    expect(stem('Brigades')).toBe(stem('brigade'));
    expect(stem('betrayed')).toBe(stem('betrayal'));
    expect(stem("Kazakhstan's")).toBe(stem('Kazakhstan'));
  });
  it('uses the Kazakh stemmer for words with Kazakh letters', () => {
    expect(stem('Қазақстанның')).toBe(stem('Қазақстан'));
    expect(stem('мемлекетінде')).toBe('мемлекет');
    expect(stem('шекарасындағы')).toBe(stem('шекара', 'kk'));
  });
  it('uses the Kazakh stemmer when the language hint is kk', () => {
    expect(stem('Ресейге', 'kk')).toBe('ресей');
    expect(stem('бригадалар', 'kk')).toBe(stem('бригада', 'kk'));
    expect(stem('Qazaqstannyñ')).toBe(stem('Qazaqstan', 'kk'));
    expect(stem('zertxanalar', 'kk')).toBe(stem('zertxana', 'kk'));
  });
  it('keeps numbers', () => {
    expect(stem('2022')).toBe('2022');
  });
});

describe('termKeys', () => {
  it('folds, tokenizes and stems', () => {
    expect(termKeys('Центры НАТО')).toEqual(termKeys('центр нато'));
    expect(termKeys('NATO peacekeeping centres')).toEqual(termKeys('nato peacekeeping centre'));
    expect(termKeys('Қазақстанда НАТО орталығы', 'kk')).toEqual(termKeys('қазақстан нато орталығ', 'kk'));
  });
});

describe('script helpers', () => {
  it('tells the script and Kazakh letters apart', () => {
    expect(scriptOf('нато')).toBe('cyrillic');
    expect(scriptOf('nato')).toBe('latin');
    expect(scriptOf('2022')).toBe('other');
    expect(hasKazakhLetters('қала')).toBe(true);
    expect(hasKazakhLetters('qalağa')).toBe(true);
    expect(hasKazakhLetters('город')).toBe(false);
  });
});

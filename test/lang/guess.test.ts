/** The one guesser's short-text reading (catalogue queries) and its edges over the shipped languages. */
import { describe, expect, it } from 'vitest';
import { detectLanguage, languageFromTag, wordsLanguage } from '../../src/lang/detect.js';
import { queryLanguage } from '../../src/conversation/parse-command.js';
import { languageOf } from '../../src/adapters/cli/lookup.js';

describe('the language of a few typed words', () => {
  it.each([
    ['биолаборатории', 'ru'],
    ['Ёлка', 'ru'],
    ['бітімгершілік орталығы', 'kk'],
    ['ҚАЗАҚСТАН', 'kk'],
    ['Qazaqstannyñ', 'kk'],
    ['NATO biolabs', 'en'],
    ['Istanbul', 'en'],
    ['2022', 'en'],
    ['', 'en'],
  ] as const)('%s → %s, the same for the chat command and the command line', (words, lang) => {
    expect(wordsLanguage(words)).toBe(lang);
    expect(queryLanguage(words)).toBe(lang);
    expect(languageOf(words)).toBe(lang);
  });
});

describe('article and tag edges', () => {
  it('is null only with no text and nothing declared; a declared tag decides a text with no letters', () => {
    expect(detectLanguage('', null)).toBeNull();
    expect(detectLanguage('  ', 'kk-KZ')).toBe('kk');
    expect(detectLanguage('2022 — 2023', null)).toBe('other');
    expect(languageFromTag('KAZ')).toBe('kk');
    expect(languageFromTag('de-DE')).toBe('other');
    expect(languageFromTag(' ')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  kazakhCyrillicChain,
  kazakhLatinChain,
  stemKazakhCyrillic,
  stemKazakhLatin,
} from '../../src/text/kazakh-stem.js';

describe('Kazakh light stemmer (Cyrillic)', () => {
  it.each([
    ['мемлекетінде', 'мемлекет'],
    ['мемлекеттің', 'мемлекет'],
    ['ресейге', 'ресей'],
    ['ресейдің', 'ресей'],
    ['шекарасында', 'шекара'],
  ])('%s → %s', (word, expected) => {
    expect(stemKazakhCyrillic(word)).toBe(expected);
  });
  it('brings case, possessive and plural forms to one stem', () => {
    const forms = ['қазақстан', 'қазақстанда', 'қазақстанның', 'қазақстанға', 'қазақстаннан'];
    expect(new Set(forms.map(stemKazakhCyrillic)).size).toBe(1);
    expect(stemKazakhCyrillic('зертханалары')).toBe(stemKazakhCyrillic('зертхана'));
    expect(stemKazakhCyrillic('бригадалар')).toBe(stemKazakhCyrillic('бригада'));
  });
  it('keeps derivational suffixes and short roots', () => {
    expect(stemKazakhCyrillic('бітімгершілік')).toBe('бітімгершілік');
    expect(stemKazakhCyrillic('әскери')).toBe('әскери');
    expect(stemKazakhCyrillic('ода')).toBe('ода');
  });
  it('records the chain from word to stem, which passes through the base form', () => {
    expect(kazakhCyrillicChain('мемлекетінде')).toEqual(['мемлекетінде', 'мемлекеті', 'мемлекет']);
    expect(kazakhCyrillicChain('қазақстанның')).toContain('қазақстан');
  });
});

describe('Kazakh light stemmer (Latin script)', () => {
  it('strips the 2021-alphabet and informal endings', () => {
    expect(stemKazakhLatin('qazaqstannyñ')).toBe(stemKazakhLatin('qazaqstan'));
    expect(stemKazakhLatin('qazaqstannyn')).toBe(stemKazakhLatin('qazaqstan'));
    expect(stemKazakhLatin('reseige')).toBe(stemKazakhLatin('resei'));
  });
  it('meets an over-stripped base through the chain', () => {
    const base = kazakhLatinChain('almaty');
    const inflected = kazakhLatinChain('almatyda');
    expect(inflected.some((f) => base.includes(f))).toBe(true);
  });
});

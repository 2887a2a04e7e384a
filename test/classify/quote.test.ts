import { describe, expect, it } from 'vitest';
import { findQuote, MIN_QUOTE_CHARS, normalizeQuote, quoteFinder } from '../../src/classify/quote.js';

const TEXT = [
  'В Минобороны заявили: «Информация о создании\u00a0центра НАТО не соответствует действительности».',
  'Some  outlets wrote that “NATO will open a peacekeeping centre” — without any source.',
  'Ещё одна фраза про ёлку.',
].join('\n\n');

describe('findQuote', () => {
  it('finds a quote after whitespace, quote-mark, dash and case normalization, returning the article’s own text', () => {
    expect(findQuote(TEXT, 'информация о создании центра нато не соответствует действительности')).toBe(
      'Информация о создании\u00a0центра НАТО не соответствует действительности',
    );
    expect(
      findQuote(TEXT, 'Some outlets wrote that "NATO will open a peacekeeping centre" - without any source.'),
    ).toBe('Some  outlets wrote that “NATO will open a peacekeeping centre” — without any source.');
  });

  it('treats ё and е as the same letter, and strips quote marks and ellipses the model put around the quote', () => {
    expect(findQuote(TEXT, '«Еще одна фраза про елку…»')).toBe('Ещё одна фраза про ёлку');
    expect(findQuote(TEXT, '"...wrote that “NATO will open a peacekeeping centre”"')).toBe(
      'wrote that “NATO will open a peacekeeping centre”',
    );
  });

  it('rejects a paraphrase, a translation, an elided join and a quote too short to prove anything', () => {
    expect(findQuote(TEXT, 'NATO is opening a peacekeeping centre')).toBeNull();
    expect(findQuote(TEXT, 'The ministry said the NATO centre information is untrue')).toBeNull();
    expect(findQuote(TEXT, 'Some outlets wrote … without any source.')).toBeNull();
    expect(findQuote(TEXT, 'НАТО')).toBeNull();
    expect(normalizeQuote('x'.repeat(MIN_QUOTE_CHARS - 1)).length).toBeLessThan(MIN_QUOTE_CHARS);
    expect(findQuote(TEXT, '')).toBeNull();
  });

  it('matches text that was neutralized for the prompt (‹ › for < >)', () => {
    expect(
      findQuote('He wrote <b>the labs are American</b> today.', 'He wrote ‹b›the labs are American'),
    ).toBe('He wrote <b>the labs are American');
  });

  it('looks in the title when the text does not have it, and keeps astral characters whole', () => {
    const find = quoteFinder({ title: 'Biolabs: the truth they hide 🧪', text: 'Body text only.' });
    expect(find('the truth they hide 🧪')).toBe('the truth they hide 🧪');
  });
});

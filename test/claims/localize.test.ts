import { describe, expect, it } from 'vitest';
import { newestOfficialDenial, pick } from '../../src/claims/localize.js';
import { entrySchema } from '../../src/claims/schema.js';
import { testEntry } from '../helpers/catalogue.js';

describe('pick', () => {
  it('returns the text in the language asked, else English', () => {
    const text = { en: 'English', ru: 'Русский' };
    expect(pick(text, 'ru')).toBe('Русский');
    expect(pick(text, 'kk')).toBe('English');
    expect(pick(text)).toBe('English');
  });
});

describe('newestOfficialDenial', () => {
  const denial = (body: string, type: 'official' | 'independent', date: string) => ({
    body,
    type,
    date,
    url: 'https://example.org/d',
  });

  it('picks the latest official denial, ignoring independent ones', () => {
    const entry = entrySchema.parse(
      testEntry({
        id: 'x',
        no_official_denial: undefined,
        denials: [
          denial('old', 'official', '2020-05-02'),
          denial('independent', 'independent', '2025'),
          denial('new', 'official', '2023-08-02'),
          denial('month only', 'official', '2023-08'),
        ],
      }),
    );
    expect(newestOfficialDenial(entry)?.body).toBe('new');
  });

  it('returns null when there is no official denial', () => {
    expect(newestOfficialDenial(entrySchema.parse(testEntry({ id: 'x' })))).toBeNull();
  });
});

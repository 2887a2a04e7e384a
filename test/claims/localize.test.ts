import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import { newestOfficialDenial, pick } from '../../src/claims/localize.js';
import { entrySchema } from '../../src/model/catalogue.js';
import { testEntry } from '../helpers/catalogue.js';

describe('pick', () => {
  it('returns the text in the language asked, else English', () => {
    const text = { en: 'English', ru: 'Русский' };
    expect(pick(text, 'ru')).toBe('Русский');
    expect(pick(text, 'kk')).toBe('English');
    expect(pick(text)).toBe('English');
  });

  it('never shows an unverified translation when a checked text exists', () => {
    const text = { en: 'English', ru: 'Русский', kk: { text: 'Қазақша', unverified: true } };
    expect(pick(text, 'kk')).toBe('English');
    expect(pick(text, 'ru')).toBe('Русский');
    expect(pick({ en: 'English', kk: { text: 'Қазақша', unverified: false } }, 'kk')).toBe('Қазақша');
    expect(pick({ en: { text: 'English, unchecked', unverified: true } }, 'kk')).toBe('English, unchecked');
  });

  it('reads the shipped catalogue this way: a Kazakh title marked unverified falls back to English', async () => {
    const catalogue = await loadCatalogue('claims');
    const entry = catalogue.byId.get('ungrateful-for-csto-2022');
    expect(entry?.title.kk).toMatchObject({ unverified: true });
    expect(entry && pick(entry.title, 'kk')).toBe(entry && pick(entry.title, 'en'));
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

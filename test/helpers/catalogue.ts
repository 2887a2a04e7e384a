/** Builds small catalogues for unit tests, parsed through the real schema (never cast). */
import { type Catalogue, type Entry, type EntryInput, entrySchema } from '../../src/model/catalogue.js';

export function testEntry(over: Partial<EntryInput> & { id: string }): EntryInput {
  return {
    kind: 'claim',
    rating: 'false',
    first_seen: '2023-10-23',
    updated: '2026-11-01',
    title: { en: `Title of ${over.id}`, ru: `Заголовок ${over.id}` },
    summary: { en: 'What is claimed.' },
    context: { en: 'First fact. Second fact. Third fact. Fourth fact.' },
    denials: [],
    no_official_denial: 'No official denial was found.',
    match: {
      concepts: { a: { en: ['alpha'] }, b: { en: ['beta'] } },
      patterns: [['a', 'b']],
    },
    examples: {
      match: [
        { lang: 'en', text: 'alpha beta' },
        { lang: 'en', text: 'beta alpha' },
      ],
      no_match: [{ lang: 'en', text: 'gamma' }],
    },
    ...over,
  };
}

export function testCatalogue(inputs: EntryInput[], version = 'test-version'): Catalogue {
  const entries: Entry[] = inputs.map((i) => entrySchema.parse(i));
  return { version, entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

/** The shipped sources/ list: valid, every source cited, and the catalogue's own links recognised. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import { sourceJsonSchemaText } from '../../src/sources/json-schema.js';
import { loadSources } from '../../src/sources/load.js';
import { createSourceLookup } from '../../src/sources/lookup.js';

describe('the shipped sources list', () => {
  it('validates, and every source has a citation on a real https address', async () => {
    const list = await loadSources('sources', true);
    expect(list.sources.length).toBeGreaterThanOrEqual(15);
    for (const s of list.sources) {
      expect(s.classified_by.length, s.id).toBeGreaterThan(0);
      for (const c of s.classified_by) expect(new URL(c.url).protocol, s.id).toBe('https:');
    }
  });

  it('recognises the outlets the catalogue cites, and leaves independent outlets alone', async () => {
    const [list, catalogue] = await Promise.all([loadSources('sources', true), loadCatalogue('claims')]);
    const lookup = createSourceLookup(list.sources);
    const urls = catalogue.entries.flatMap((e) => [...e.sources, ...e.denials].map((x) => x.url));
    const idFor = (host: string) => {
      const url = urls.find((u) => new URL(u).hostname === host);
      expect(url, `the catalogue links ${host}`).toBeDefined();
      return lookup.sourceForUrl(url ?? '')?.id ?? null;
    };
    expect(idFor('ru.sputnik.kz')).toBe('sputnik-kazakhstan');
    expect(idFor('tj.sputniknews.ru')).toBe('sputnik');
    expect(idFor('tass.ru')).toBe('tass');
    expect(idFor('www.kp.ru')).toBe('komsomolskaya-pravda');
    expect(idFor('eurasianet.org')).toBeNull();
    expect(idFor('www.inform.kz')).toBeNull();
  });

  it('has a sources/schema.json equal to what `npm run schema` generates, named by every file', () => {
    expect(readFileSync('sources/schema.json', 'utf8')).toBe(sourceJsonSchemaText());
    for (const name of readdirSync('sources').filter((n) => n.endsWith('.yaml'))) {
      expect(readFileSync(`sources/${name}`, 'utf8').split('\n')[0], name).toBe(
        '# yaml-language-server: $schema=./schema.json',
      );
    }
  });
});

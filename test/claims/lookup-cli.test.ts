/** `claimdesk lookup [--json] <words...>`: text and JSON output, no hits, usage errors. */
import { describe, expect, it } from 'vitest';
import { languageOf, lookup } from '../../src/adapters/cli/lookup.js';
import { captureIO } from './capture-io.js';

const env = { CLAIMS_DIR: 'claims' };

describe('claimdesk lookup', () => {
  it("prints the best entries with title, rating and the newest official denial, in the words' language", async () => {
    const c = captureIO(env);
    expect(await lookup(['биолабораторий'], c.io)).toBe(0);
    expect(c.err()).toBe('');
    const first = c.out().split('\n').slice(0, 3);
    expect(first).toEqual([
      '1. США держат в Казахстане секретные военные биолаборатории',
      '   us-biolabs-in-kazakhstan · claim · rating: false',
      "   Official denial: Ministry of Health of Kazakhstan, through stopfake.kz (the information ministry's project), 2023-08-02, reported in Russian by news-asia.ru: https://www.news-asia.ru/view/a/16081",
    ]);
  });

  it('says so honestly when an entry has no official denial', async () => {
    const c = captureIO(env);
    expect(await lookup(['--lang', 'en', 'artificial', 'state'], c.io)).toBe(0);
    expect(c.out()).toContain('1. Kazakhstan is an "artificial state" on former Russian land\n');
    expect(c.out()).toContain('   No official denial: No official Kazakh refutation was found.');
  });

  it('prints JSON for scripts', async () => {
    const c = captureIO(env);
    expect(await lookup(['--json', '--limit', '2', 'Өлмес', 'полк'], c.io)).toBe(0);
    const out = JSON.parse(c.out());
    expect(out.query).toBe('Өлмес полк');
    expect(out.catalogue.version).toMatch(/^[0-9a-f]{12}$/);
    expect(out.catalogue.entries).toBeGreaterThanOrEqual(14);
    expect(out.results[0]).toEqual({
      id: 'immortal-regiment-deepfakes',
      kind: 'claim',
      // The Kazakh title is marked unverified in the catalogue: the checked English one is shown.
      title: 'Kazakh officials and journalists invited people to the Immortal Regiment march',
      rating: 'fabricated',
      parent: 'deepfake-statements-about-kazakhstan',
      score: expect.any(Number),
      newestOfficialDenial: {
        body: 'Akimat of North Kazakhstan Region',
        person: null,
        date: '2025-04',
        url: 'https://en.orda.kz/ai-generated-video-of-north-kazakhstan-akim-promoting-immortal-regiment-denounced-as-fake-6029',
        via: 'reported by Orda.kz',
      },
      noOfficialDenial: null,
    });
    expect(out.results.length).toBeLessThanOrEqual(2);
  });

  it('exits 0 and says "No entries match" when nothing matches', async () => {
    const c = captureIO(env);
    expect(await lookup(['qwertyuiop'], c.io)).toBe(0);
    expect(c.out()).toBe('No entries match "qwertyuiop".\n');
    const j = captureIO(env);
    expect(await lookup(['--json', 'qwertyuiop'], j.io)).toBe(0);
    expect(JSON.parse(j.out()).results).toEqual([]);
  });

  it('exits 2 on usage errors and 1 when the catalogue is invalid', async () => {
    for (const args of [[], ['--limit', '0', 'x'], ['--lang', 'de', 'x'], ['--bogus', 'x']]) {
      const c = captureIO(env);
      expect(await lookup(args, c.io)).toBe(2);
      expect(c.err()).toContain('Usage: claimdesk lookup');
    }
    const bad = captureIO({ CLAIMS_DIR: 'test/fixtures/claims/bad' });
    expect(await lookup(['x'], bad.io)).toBe(1);
    expect(bad.err()).toContain('the catalogue in test/fixtures/claims/bad is invalid');
  });

  it('guesses the language of the words', () => {
    expect(languageOf('биолаборатории')).toBe('ru');
    expect(languageOf('бітімгершілік')).toBe('kk');
    expect(languageOf('biolabs')).toBe('en');
  });
});

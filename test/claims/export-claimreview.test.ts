/** The ClaimReview JSON-LD export: shape, options, and the command. */
import { describe, expect, it } from 'vitest';
import { claimsExport } from '../../src/adapters/cli/claims-export.js';
import { toClaimReviews } from '../../src/claims/export-claimreview.js';
import { loadCatalogue } from '../../src/claims/load.js';
import { captureIO } from './capture-io.js';

const VALID = 'test/fixtures/claims/valid';

describe('toClaimReviews', () => {
  it('makes one schema.org ClaimReview per claim, without a url when no base is given', async () => {
    const catalogue = await loadCatalogue(VALID);
    expect(toClaimReviews(catalogue)).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: 'An example claim',
        description: 'A specific false statement, used only in tests.',
        datePublished: '2023-10',
        inLanguage: 'en',
        author: { '@type': 'Organization', name: 'claimdesk catalogue' },
        reviewRating: {
          '@type': 'Rating',
          alternateName: 'false',
          ratingExplanation: 'Nothing in this file is real.',
        },
        itemReviewed: { '@type': 'Claim', datePublished: '2023-10', appearance: [] },
        citation: [
          {
            '@type': 'CreativeWork',
            url: 'https://example.org/denial',
            name: 'Ministry of Examples',
            datePublished: '2023-10-25',
          },
        ],
      },
    ]);
  });

  it('adds narratives and urls only when asked', async () => {
    const catalogue = await loadCatalogue(VALID);
    const reviews = toClaimReviews(catalogue, {
      includeNarratives: true,
      baseUrl: 'https://desk.example/claims',
    });
    expect(reviews.map((r) => r.url)).toEqual([
      'https://desk.example/claims/example-claim',
      'https://desk.example/claims/example-narrative',
    ]);
  });

  it('exports every claim of the shipped catalogue, with its sources as appearances', async () => {
    const catalogue = await loadCatalogue('claims');
    const reviews = toClaimReviews(catalogue);
    const claims = catalogue.entries.filter((e) => e.kind === 'claim');
    expect(reviews).toHaveLength(claims.length);
    const nato = reviews.find(
      (r) => r.claimReviewed === catalogue.byId.get('nato-peacekeeping-centre')?.title.en,
    );
    expect(nato?.reviewRating.alternateName).toBe('false');
    expect(nato?.itemReviewed.appearance[0]?.url).toBe(
      'https://en.respublica.lt/russian-milbloggers-falsely-accuse-kazakhstan-of-opening-a-nato-military-facility',
    );
    expect(nato?.citation[0]).toEqual({
      '@type': 'CreativeWork',
      url: 'https://tass.ru/mezhdunarodnaya-panorama/19109383',
      name: 'Ministry of Defence of Kazakhstan (press service)',
      datePublished: '2023-10-25',
    });
    for (const r of reviews) expect(r.url).toBeUndefined();
  });
});

describe('claimdesk claims export', () => {
  it('prints the JSON-LD array', async () => {
    const c = captureIO({ CLAIMS_DIR: VALID });
    expect(await claimsExport(['--format', 'claimreview', '--include-narratives'], c.io)).toBe(0);
    const out: unknown = JSON.parse(c.out());
    expect(Array.isArray(out) && out.length).toBe(2);
  });

  it('reads --dir, and exits 1 on an invalid catalogue', async () => {
    const c = captureIO();
    expect(await claimsExport(['--format', 'claimreview', '--dir', 'test/fixtures/claims/bad'], c.io)).toBe(
      1,
    );
    expect(c.out()).toBe('');
    expect(c.err()).toContain('is invalid; run claimdesk claims lint');
  });

  it('exits 2 without a known format or with a bad base URL', async () => {
    for (const args of [
      [],
      ['--format', 'csv'],
      ['--format', 'claimreview', '--base-url', 'desk/claims'],
      ['x'],
    ]) {
      const c = captureIO({ CLAIMS_DIR: VALID });
      expect(await claimsExport(args, c.io)).toBe(2);
      expect(c.out()).toBe('');
    }
  });
});

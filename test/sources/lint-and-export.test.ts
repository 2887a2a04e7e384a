/** `claims lint` validates the sources list too; `claims export` names listed outlets as publishers. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsExport } from '../../src/adapters/cli/claims-export.js';
import { claimsLint } from '../../src/adapters/cli/claims-lint.js';
import { toClaimReviews } from '../../src/claims/export-claimreview.js';
import { loadCatalogue } from '../../src/claims/load.js';
import { captureIO } from '../claims/capture-io.js';

const CLAIMS = 'test/fixtures/claims/valid';
const BAD = 'test/fixtures/sources/bad';
const VALID = 'test/fixtures/sources/valid';

describe('claimdesk claims lint with a sources list', () => {
  it('prints one summary line per directory when both are valid', async () => {
    const c = captureIO({ SOURCES_DIR: VALID });
    expect(await claimsLint([CLAIMS], c.io)).toBe(0);
    expect(c.err()).toBe('');
    expect(c.out()).toMatch(
      /^test\/fixtures\/claims\/valid: 2 entries, no problems \(catalogue version [0-9a-f]{12}\)\ntest\/fixtures\/sources\/valid: 2 sources, no problems\nlang: 3 languages \(en, kk, ru\), no problems\n$/,
    );
  });

  it('exits 1 with the sources problems as path:line:col: message and the shared summary', async () => {
    const c = captureIO({ SOURCES_DIR: BAD });
    expect(await claimsLint([CLAIMS], c.io)).toBe(1);
    expect(c.out()).toBe('');
    const lines = c.err().trimEnd().split('\n');
    expect(lines).toContain(`${join(BAD, 'no-citation.yaml')}:1:1: missing required field 'classified_by'`);
    expect(lines).toContain(
      `${join(BAD, 'dup-second.yaml')}:5:5: domain 'shared.example' is also listed by ${join(BAD, 'dup-first.yaml')}`,
    );
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^test\/fixtures\/sources\/bad\/[a-z-]+\.yaml:\d+:\d+: \S/);
    expect(lines.at(-1)).toBe('5 problems in 5 files');
  });

  it('fails when SOURCES_DIR names a directory that does not exist, but not when none is beside the catalogue', async () => {
    const named = captureIO({ SOURCES_DIR: 'no/such/sources' });
    expect(await claimsLint([CLAIMS], named.io)).toBe(1);
    expect(named.err()).toBe(
      'no/such/sources:1:1: cannot read the sources list: no such directory\n1 problem in 1 file\n',
    );
    const beside = captureIO();
    expect(await claimsLint([CLAIMS], beside.io)).toBe(0);
    expect(beside.out()).not.toContain('sources');
  });

  it('lints the shipped catalogue and the sources beside it', async () => {
    const c = captureIO();
    expect(await claimsLint(['claims'], c.io)).toBe(0);
    expect(c.out()).toMatch(
      /\nsources: \d+ sources, no problems\nlang: 3 languages \(en, kk, ru\), no problems\n$/,
    );
  });
});

describe('ClaimReview export with a sources list', () => {
  it('names the listed outlet as publisher of a page it published, and leaves other pages as they were', async () => {
    const catalogue = await loadCatalogue('claims');
    const outlet = { name: 'TASS', description: 'state media; classified by Someone' };
    const isTass = (url: string) => /^https:\/\/tass\.(ru|com)\//.test(url);
    const plain = toClaimReviews(catalogue, { includeNarratives: true });
    const marked = toClaimReviews(catalogue, {
      includeNarratives: true,
      publisherFor: (url) => (isTass(url) ? outlet : null),
    });
    const works = (rs: typeof plain) => rs.flatMap((r) => [...r.itemReviewed.appearance, ...r.citation]);
    const before = works(plain);
    const after = works(marked);
    expect(after.filter((w) => isTass(w.url)).length).toBeGreaterThan(0);
    expect(after.filter((w) => !isTass(w.url)).length).toBeGreaterThan(0);
    after.forEach((w, i) => {
      if (isTass(w.url)) expect(w.publisher).toEqual({ '@type': 'Organization', ...outlet });
      else expect(w).toEqual(before[i]);
    });
  });

  it('the command reads the sources list and refuses an invalid one', async () => {
    const ok = captureIO({ SOURCES_DIR: VALID });
    expect(await claimsExport(['--format', 'claimreview', '--dir', CLAIMS], ok.io)).toBe(0);
    expect(JSON.parse(ok.out())).toBeInstanceOf(Array);
    const bad = captureIO({ SOURCES_DIR: BAD });
    expect(await claimsExport(['--format', 'claimreview', '--dir', CLAIMS], bad.io)).toBe(1);
    expect(bad.err()).toContain(
      `${join(BAD, 'no-citation.yaml')}:1:1: missing required field 'classified_by'`,
    );
    expect(bad.err()).toContain('the sources list is invalid; run claimdesk claims lint');
  });

  it('the shipped export marks pages published by listed outlets', async () => {
    const c = captureIO();
    expect(
      await claimsExport(['--format', 'claimreview', '--dir', 'claims', '--include-narratives'], c.io),
    ).toBe(0);
    const text = c.out();
    expect(text).toContain('"name": "Sputnik Kazakhstan"');
    expect(text).toMatch(/"description": "state media; classified by [^"]+"/);
  });
});

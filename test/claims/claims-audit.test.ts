/** `claimdesk claims audit`: the real command on a small catalogue on disk and on the shipped one. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/adapters/cli/main.js';
import { testEntry } from '../helpers/catalogue.js';
import { captureIO } from './capture-io.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const TODAY = new Date('2026-12-01T12:00:00Z');
const run = async (args: string[]) => {
  const c = captureIO({});
  const code = await runCli(args, { ...c.io, now: () => TODAY });
  return { code, out: c.out(), err: c.err() };
};

function smallCatalogue(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-audit-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'meta'));
  cpSync('claims/meta/actors.yaml', join(dir, 'meta', 'actors.yaml'));
  const old = testEntry({
    id: 'old-claim',
    updated: '2025-06',
    title: { en: 'An old claim', kk: { text: 'Ескі жалған ақпарат', unverified: true } },
    sources: [{ title: 'Report', url: 'https://example.org/report', date: '2024-02-01' }],
    denials: [
      {
        body: 'Ministry of Defence',
        type: 'official',
        date: '2024-03-08',
        url: 'https://example.org/denial',
      },
    ],
    no_official_denial: undefined,
    examples: {
      match: [
        { lang: 'en', text: 'alpha beta' },
        { lang: 'en', text: 'beta alpha' },
      ],
      no_match: [{ lang: 'en', text: 'gamma' }],
      debunk: [{ lang: 'ru', text: 'Песков назвал это фейком.' }],
    },
  });
  const fresh = testEntry({
    id: 'fresh-claim',
    updated: '2026-11-30',
    variants: [{ year: 2025, summary: 'It came back.', source: 'https://example.org/2025' }],
  });
  writeFileSync(join(dir, 'old-claim.yaml'), stringify(old));
  writeFileSync(join(dir, 'fresh-claim.yaml'), stringify(fresh));
  return dir;
}

describe('claimdesk claims audit', () => {
  it('prints sources and denials with dates, unsourced attributions, unverified strings and stale entries', async () => {
    const dir = smallCatalogue();
    const { code, out, err } = await run(['claims', 'audit', dir]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('stale = updated before 2025-12-01');
    expect(out).toContain('old-claim (claim, updated 2025-06, STALE: not updated in a year)');
    expect(out).toContain('fresh-claim (claim, updated 2026-11-30)\n');
    expect(out).toContain('    2024-02-01  Report  https://example.org/report');
    expect(out).toContain('    2024-03-08  official  Ministry of Defence  https://example.org/denial');
    expect(out).toContain('    2025  https://example.org/2025');
    expect(out).toContain(
      '    examples.debunk[0] names Dmitry Peskov (a person): add source: <https url> where these words were seen',
    );
    expect(out).toContain('    title.kk: Ескі жалған ақпарат');
    expect(out).toContain(
      'Totals: 1 unsourced attribution, 1 unverified string, 1 entry not updated in a year',
    );
  });

  it('prints one JSON document with --json', async () => {
    const dir = smallCatalogue();
    const { code, out } = await run(['claims', 'audit', '--json', dir]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.today).toBe('2026-12-01');
    expect(report.totals).toEqual({ unsourcedAttributions: 1, unverifiedStrings: 1, staleEntries: 1 });
    const old = report.entries.find((e: { id: string }) => e.id === 'old-claim');
    expect(old).toMatchObject({
      stale: true,
      sources: [{ title: 'Report', url: 'https://example.org/report', date: '2024-02-01' }],
      denials: [
        {
          body: 'Ministry of Defence',
          type: 'official',
          date: '2024-03-08',
          url: 'https://example.org/denial',
        },
      ],
      unsourcedAttributions: [{ path: 'examples.debunk[0].text', actors: ['Dmitry Peskov'] }],
      unverifiedStrings: [{ path: 'title.kk', text: 'Ескі жалған ақпарат' }],
    });
  });

  it('finds no unsourced attribution in the shipped catalogue, and lists its unverified Kazakh', async () => {
    const { code, out } = await run(['claims', 'audit', '--json', 'claims']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.catalogue.entries).toBeGreaterThanOrEqual(17);
    expect(report.totals.unsourcedAttributions).toBe(0);
    expect(report.totals.unverifiedStrings).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain('euvsdisinfo-preprod');
  });

  it('exits 1 on a broken catalogue and 2 on a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-audit-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'broken.yaml'), 'id: [unclosed\n');
    const broken = await run(['claims', 'audit', dir]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/broken\.yaml:\d+:\d+: /);
    expect((await run(['claims', 'audit', '--nope'])).code).toBe(2);
    expect((await run(['claims', 'audit', 'a', 'b'])).code).toBe(2);
  });
});

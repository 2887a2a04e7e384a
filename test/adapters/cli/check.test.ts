import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOutput } from '../../../src/model/types.js';
import { DEBUNKING_EN, NEUTRAL_EN, PROMOTING_RU } from '../../helpers/articles.js';
import { cli } from '../../helpers/cli.js';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server.js';

let pages: FixtureServer;
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-'));

beforeAll(async () => {
  pages = await startFixtureServer({
    '/promo': { headers: { 'content-type': 'text/html' }, body: PROMOTING_RU },
  });
  writeFileSync(join(dir, 'debunk.html'), DEBUNKING_EN);
  writeFileSync(join(dir, 'neutral.html'), NEUTRAL_EN);
  writeFileSync(
    join(dir, 'claim.txt'),
    'Kazakhstan opens a NATO peacekeeping centre where its troops will train to NATO standards.',
  );
  writeFileSync(join(dir, 'notes.pdf'), '%PDF-1.4');
});
afterAll(async () => {
  await pages?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('claimdesk check', () => {
  it('checks a URL, files and stdin in one run and prints the JSON contract', async () => {
    const env = { FETCH_ALLOW_HOSTS: pages.hostPort };
    const { code, stdout, stderr } = await cli(
      [
        'check',
        '--json',
        '--offline',
        pages.url('/promo'),
        join(dir, 'debunk.html'),
        join(dir, 'neutral.html'),
        '-',
      ],
      env,
      'Казахстан — это искусственное государство на бывших русских территориях, пишет автор.',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as CheckOutput;
    expect(out.catalogue.entries).toBeGreaterThanOrEqual(14);
    expect(out.results.map((r) => r.input)).toEqual([
      pages.url('/promo'),
      join(dir, 'debunk.html'),
      join(dir, 'neutral.html'),
      '-',
    ]);
    const [promo, debunk, neutral] = out.results;
    expect(promo?.alert).toBe(true);
    expect(promo?.url).toBe(pages.url('/promo'));
    expect(promo?.matches[0]?.evidence[0]?.quote.length).toBeGreaterThan(10);
    expect(debunk?.alert).toBe(false);
    expect(neutral).toMatchObject({ status: 'ok', alert: false, matches: [], url: null, error: null });
    for (const r of out.results) {
      expect(Object.keys(r).sort()).toEqual([
        'alert',
        'error',
        'input',
        'language',
        'matches',
        'status',
        'title',
        'url',
      ]);
    }
  });

  it('exits 1 when an input cannot be processed, still reporting the others', async () => {
    const { code, stdout } = await cli([
      'check',
      '--json',
      '--offline',
      join(dir, 'claim.txt'),
      join(dir, 'missing.txt'),
      join(dir, 'notes.pdf'),
      'ftp://example.com/x',
    ]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as CheckOutput;
    expect(out.results.map((r) => r.status)).toEqual(['ok', 'error', 'error', 'error']);
    expect(out.results.map((r) => r.error?.code ?? null)).toEqual([
      null,
      'not_found',
      'unsupported_type',
      'invalid_input',
    ]);
    expect(out.results[0]?.alert).toBe(true);
  });

  it('prints a readable report without --json', async () => {
    const { code, stdout } = await cli(['check', '--offline', join(dir, 'claim.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain('This article repeats a known false claim');
    expect(stdout).toContain('Catalogue version');
  });

  it.each([
    [['check']],
    [['check', '--bogus', 'x']],
    [['check', '-', '-']],
    [['nonsense']],
    [[]],
  ])('exits 2 on the usage error %j', async (args) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr.length).toBeGreaterThan(0);
  });

  it('exits 2 with a one-line message on bad configuration', async () => {
    const { code, stderr } = await cli(['check', '-'], { PORT: 'x' });
    expect(code).toBe(2);
    expect(stderr).toBe('claimdesk: PORT must be a whole number, got "x"\n');
  });

  it('exits 1 with path:line:col messages when the catalogue is broken', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'claimdesk-badcat-'));
    writeFileSync(join(bad, 'broken.yaml'), 'id: broken\nkind: [unclosed\n');
    const { code, stderr } = await cli(['check', '-'], { CLAIMS_DIR: bad }, 'text');
    rmSync(bad, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.yaml:\d+:\d+: /);
  });
});

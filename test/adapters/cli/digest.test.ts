/**
 * `claimdesk check --record` writes each check to the history in STORE_URL (and only when asked),
 * and `claimdesk digest [--days N] [--team ID] [--json]` reads it back: the JSON is the digest
 * shape, the numbers are the checks made here, usage errors exit 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/model/digest.js';
import type { CheckOutput } from '../../../src/model/types.js';
import { SqliteHistory } from '../../../src/store/sqlite-history.js';
import { DEBUNKING_EN, PROMOTING_RU } from '../../helpers/articles.js';
import { cli } from '../../helpers/cli.js';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server.js';

let pages: FixtureServer;
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-digest-'));
const store = `sqlite://${join(dir, 'data', 'claimdesk.sqlite')}`;

beforeAll(async () => {
  pages = await startFixtureServer({
    '/promo': { headers: { 'content-type': 'text/html' }, body: PROMOTING_RU },
  });
  writeFileSync(join(dir, 'debunk.html'), DEBUNKING_EN);
  writeFileSync(join(dir, 'weather.txt'), 'Sunny in Almaty tomorrow.');
});
afterAll(async () => {
  await pages?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function history() {
  const h = await SqliteHistory.open(join(dir, 'data', 'claimdesk.sqlite'));
  const all = await h.list({ from: new Date(0), to: new Date(Date.now() + 60_000) });
  await h.close();
  return all;
}

describe('claimdesk check --record and claimdesk digest', () => {
  it('records nothing without --record, keeping the check contract as it was', async () => {
    const env = { STORE_URL: store, FETCH_ALLOW_HOSTS: pages.hostPort };
    const r = await cli(['check', '--json', '--offline', pages.url('/promo')], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckOutput;
    expect(out.results[0]?.alert).toBe(true);
    expect(await history()).toEqual([]);
  });

  it('records each input with --record, and the digest counts exactly those checks', async () => {
    const env = { STORE_URL: store, FETCH_ALLOW_HOSTS: pages.hostPort };
    const r = await cli(
      [
        'check',
        '--json',
        '--offline',
        '--record',
        pages.url('/promo'),
        join(dir, 'debunk.html'),
        join(dir, 'weather.txt'),
        join(dir, 'missing.html'),
      ],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as CheckOutput;
    expect(out.results).toHaveLength(4);

    const records = await history();
    expect(records).toHaveLength(4);
    expect(records.every((x) => x.surface === 'cli' && x.teamId === null && x.channelId === null)).toBe(true);
    expect(records.map((x) => x.url)).toContain(pages.url('/promo'));
    expect(records.filter((x) => x.url === null)).toHaveLength(3);

    const d = await cli(['digest', '--json', '--days', '7'], { STORE_URL: store });
    expect(d.code).toBe(0);
    const digest = JSON.parse(d.stdout) as Digest;
    expect(Object.keys(digest).sort()).toEqual(
      ['alerts', 'checks', 'entries', 'feedback', 'from', 'to', 'unreadable'].sort(),
    );
    expect(digest.checks).toBe(out.results.length);
    expect(digest.alerts).toBe(out.results.filter((x) => x.alert).length);
    expect(digest.unreadable).toBe(out.results.filter((x) => x.status === 'error').length);
    expect(digest.feedback).toEqual({ helpful: 0, wrong: 0 });
    for (const e of digest.entries) {
      const hits = out.results.filter((x) => x.matches.some((m) => m.id === e.id));
      expect(e.checks, e.id).toBe(hits.length);
      expect(Object.keys(e).sort()).toEqual(
        ['alerts', 'checks', 'debunks', 'id', 'links', 'reports', 'title'].sort(),
      );
    }
    const nato = digest.entries.find((e) => e.id === 'nato-peacekeeping-centre');
    expect(nato?.alerts).toBe(1);
    expect(nato?.links.map((l) => l.url)).toEqual([pages.url('/promo')]);

    const text = await cli(['digest'], { STORE_URL: store });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Digest of the last 7 days');
    expect(text.stdout).toContain(`Checks: 4 · alerts: ${digest.alerts} · unreadable: 1`);
    expect(text.stdout).toContain(pages.url('/promo'));

    // The command line's checks belong to no workspace.
    const team = await cli(['digest', '--json', '--team', 'T0NEWSROOM'], { STORE_URL: store });
    expect((JSON.parse(team.stdout) as Digest).checks).toBe(0);
  });

  it.each([
    [['digest', '--days', '0']],
    [['digest', '--days', 'week']],
    [['digest', '--days', '400']],
    [['digest', '--team', ' ']],
    [['digest', '--colour']],
    [['digest', 'extra']],
  ])('exits 2 on %j', async (args) => {
    const r = await cli(args, { STORE_URL: store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: claimdesk digest');
  });
});

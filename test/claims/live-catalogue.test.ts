/**
 * Live catalogue updates: a running app re-reads CLAIMS_DIR, swaps in a valid catalogue without a
 * restart, and keeps the last good one (logging path:line:col) when an edit is invalid.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import { readConfig } from '../../src/model/config.js';
import type { Logger } from '../../src/model/ports.js';

interface Line {
  level: string;
  obj: object;
  msg: string | undefined;
}

function recordingLogger(lines: Line[]): Logger {
  const at =
    (level: string) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

const dirs: string[] = [];
const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-claims-'));
  dirs.push(dir);
  cpSync('claims', dir, { recursive: true });
  const lines: Line[] = [];
  const config = readConfig({
    CLAIMS_DIR: dir,
    STORE_URL: 'memory://',
    ANALYSIS_THREADS: '1',
    CLAIMS_REFRESH_S: '0',
    ...env,
  });
  const app = await buildApp(config, recordingLogger(lines));
  apps.push(app);
  return { app, dir, lines };
}

/** A new entry whose words appear in no other: whether it matches tells which catalogue is in use. */
const PROBE_ENTRY = `id: probe-kvazidrony
kind: claim
rating: 'false'
first_seen: '2024-04'
updated: '2026-12-01'
title:
  en: Kvazidrones were launched from Kazakhstan
summary:
  en: A test entry that exists only in this test.
context:
  en: Nothing of the kind happened; this entry exists only in a test.
no_official_denial: This is a test entry; nobody needed to deny it.
match:
  window: 2
  concepts:
    kvazi:
      ru: [квазидрон*]
    launch:
      ru: [запущ*, запуст*]
    from_kazakhstan:
      ru: [из Казахстана, с территории Казахстана]
  patterns:
    - [kvazi, launch, from_kazakhstan]
examples:
  match:
    - lang: ru
      text: Квазидроны запустили из Казахстана.
    - lang: ru
      text: Квазидроны были запущены с территории Казахстана.
  no_match:
    - lang: ru
      text: Из Казахстана в Россию запустили новый поезд.
`;
const PROBE = 'Квазидроны, по данным каналов, были запущены с территории Казахстана.';

function teach(dir: string): void {
  writeFileSync(join(dir, 'probe-kvazidrony.yaml'), PROBE_ENTRY);
}

describe('live catalogue updates', () => {
  it('keeps the last good catalogue when an edit is invalid, and logs path:line:col', async () => {
    const { app, dir, lines } = await start();
    const before = app.catalogue.version;
    const file = join(dir, 'us-biolabs-in-kazakhstan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^kind: claim$/m, 'kind: rumour'));
    expect(await app.refreshCatalogue()).toBe('invalid');
    expect(app.catalogue.version).toBe(before);
    expect(app.service.catalogue().version).toBe(before);
    const positioned = lines.filter(
      (l) => l.level === 'warn' && /us-biolabs-in-kazakhstan\.yaml:\d+:\d+: /.test(l.msg ?? ''),
    );
    expect(positioned.length).toBeGreaterThan(0);
    expect(lines.some((l) => l.level === 'error' && /keeping the last good one/.test(l.msg ?? ''))).toBe(
      true,
    );
    // Logged once, not on every poll.
    const count = lines.length;
    expect(await app.refreshCatalogue()).toBe('unchanged');
    expect(lines.length).toBe(count);
    // Checks go on with the last good catalogue.
    const d = await app.service.checkText(
      'В Казахстане нет американских биолабораторий, заявил министр.',
      'text',
    );
    expect(d.result.status).toBe('ok');
  });

  it('swaps in a good edit without a restart; checks then use the new catalogue', async () => {
    const { app, dir } = await start();
    const before = app.catalogue.version;
    const old = await app.service.checkText(PROBE, 'text', { offline: true });
    expect(old.result.matches.map((m) => m.id)).not.toContain('probe-kvazidrony');
    teach(dir);
    expect(await app.refreshCatalogue()).toBe('swapped');
    expect(app.catalogue.version).not.toBe(before);
    const now = await app.service.checkText(PROBE, 'text', { offline: true });
    expect(now.result.matches.map((m) => m.id)).toContain('probe-kvazidrony');
    expect(now.result.alert).toBe(true);
  });

  it('picks a good edit up by itself within 5 s (CLAIMS_REFRESH_S=1)', async () => {
    const { app, dir } = await start({ CLAIMS_REFRESH_S: '1' });
    const before = app.catalogue.version;
    teach(dir);
    const t = Date.now();
    while (app.catalogue.version === before && Date.now() - t < 5_000) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(app.catalogue.version).not.toBe(before);
  });
});

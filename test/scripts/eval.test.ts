/** `npm run eval -- FILE...` end to end, on the shipped catalogue and a small set written here. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

async function evalCli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let set: string;

beforeAll(async () => {
  const catalogue = await loadCatalogue(join(ROOT, 'claims'));
  const entry = catalogue.entries[0];
  const promoting = entry?.examples.match[0];
  const ordinary = entry?.examples.no_match[0];
  if (!entry || !promoting || !ordinary) throw new Error('the catalogue has no examples');
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-eval-'));
  set = join(dir, 'set.jsonl');
  const rows = [
    { id: 'hit', lang: promoting.lang, kind: 'promote', expect: [entry.id], text: promoting.text, extra: 1 },
    { id: 'miss', lang: 'en', kind: 'promote', expect: [entry.id], text: 'Almaty had a sunny day.' },
    { id: 'calm', lang: ordinary.lang, kind: 'neutral', expect: [], text: ordinary.text, doubtful: true },
  ];
  writeFileSync(set, rows.map((r) => JSON.stringify(r)).join('\n'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run eval -- FILE', () => {
  it('scores only the given file, with and without doubtful items, and -v lists the misses', async () => {
    const { code, stdout } = await evalCli([set, '-v']);
    expect(code).toBe(0);
    expect(stdout).toContain('items marked doubtful: 1');
    expect(stdout).toMatch(/== Excluding doubtful: 2 texts[\s\S]*== All, doubtful included: 3 texts/);
    expect(stdout).toContain('Recall on promoting texts:  1/2 (50.0%)');
    expect(stdout).toMatch(/Misses \(1\):\n- \[miss\] promote, expect [^\n]+\n {4}verdict: [^\n]+: no match/);
    expect(stdout).toContain('text: Almaty had a sunny day.');
  });

  it('keeps --file as an alias and prints the same score as JSON', async () => {
    const { code, stdout } = await evalCli(['--file', set, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.all.recall).toEqual({ hit: 1, of: 2 });
    expect(json.all.alerts.neutral).toEqual({ texts: 1, alerted: 0, promotes: 0 });
    expect(json.excludingDoubtful.alerts.neutral.texts).toBe(0);
    expect(json.all.misses.map((m: { id: string }) => m.id)).toEqual(['miss']);
  });

  it('names the file and line of a malformed case and exits 2', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      '{"id":"a","lang":"en","kind":"neutral","expect":[],"text":"t"}\n{"id":"b","lang":"de"}\n',
    );
    const { code, stderr } = await evalCli([bad]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.jsonl:2: lang: /);
  });
});

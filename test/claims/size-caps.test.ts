/**
 * Catalogue files have size caps, so a huge file is refused before it is parsed, and the key
 * checks are linear: the time for 4N keys is about 4 times the time for N, not 16 times.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCatalogueDir } from '../../src/claims/load.js';
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES } from '../../src/claims/size-caps.js';
import { validateCatalogueFiles } from '../../src/claims/validate.js';
import { parseYaml } from '../../src/claims/yaml-source.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A mapping of n keys, the last one repeating the first. */
function manyKeys(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`key${i}: ${i}`);
  lines.push('key0: again');
  return `${lines.join('\n')}\n`;
}

describe('size caps', () => {
  it('refuses a 40k-key file with the cap error, without parsing it', () => {
    const text = manyKeys(40_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_FILE_BYTES);
    const started = performance.now();
    const { issues } = validateCatalogueFiles([{ path: 'claims/big.yaml', name: 'big.yaml', text }]);
    const elapsed = performance.now() - started;
    expect(issues.map((i) => `${i.file}:${i.line}:${i.col}: ${i.message}`)).toEqual([
      'claims/big.yaml:1:1: file is 604 KB, over the 256 KB cap for one catalogue file: split it into entries or trim it',
    ]);
    // Refusing must cost far less than parsing: compare with parsing a tenth of the file.
    const parseStart = performance.now();
    parseYaml('claims/tenth.yaml', manyKeys(4_000));
    expect(elapsed).toBeLessThan(performance.now() - parseStart);
  });

  it('refuses an oversized file on disk and a catalogue over its total cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-caps-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'big.yaml'), 'x'.repeat(MAX_FILE_BYTES + 1));
    const one = await validateCatalogueDir(dir);
    expect(one.catalogue).toBeNull();
    expect(one.issues.map((i) => i.message)).toEqual([
      'file is 257 KB, over the 256 KB cap for one catalogue file: split it into entries or trim it',
    ]);

    const many = mkdtempSync(join(tmpdir(), 'claimdesk-caps-'));
    dirs.push(many);
    const files = Math.ceil(MAX_TOTAL_BYTES / MAX_FILE_BYTES) + 1;
    for (let i = 0; i < files; i++) writeFileSync(join(many, `f${i}.yaml`), 'x'.repeat(MAX_FILE_BYTES));
    const total = await validateCatalogueDir(many);
    expect(total.catalogue).toBeNull();
    expect(total.issues.map((i) => `${i.file}: ${i.message}`)).toEqual([
      `${many}: the catalogue is ${(files * MAX_FILE_BYTES) / 1024} KB, over the 8192 KB cap for all files together: remove files that are not entries`,
    ]);
  });
});

describe('duplicate keys', () => {
  it('reports the repeated key where it is repeated', () => {
    const { issues } = parseYaml('claims/d.yaml', 'id: a\nkind: claim\nid: b\n');
    expect(issues).toEqual([
      {
        file: 'claims/d.yaml',
        line: 3,
        col: 1,
        message: "duplicated key 'id': each field may appear only once",
      },
    ]);
  });

  it('finds a duplicate among many keys in linear time (4N keys take well under 16 times N)', () => {
    const time = (n: number) => {
      const text = manyKeys(n);
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        const { issues } = parseYaml('claims/k.yaml', text);
        best = Math.min(best, performance.now() - started);
        expect(issues.map((i) => i.line)).toEqual([n + 1]);
      }
      return best;
    };
    time(2_000); // warm up
    const ratio = time(24_000) / time(6_000);
    expect(ratio).toBeLessThan(8);
  });
});

/** `claimdesk claims lint [dir]`: output lines, summary and exit codes. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsLint } from '../../src/adapters/cli/claims-lint.js';
import { captureIO } from './capture-io.js';

const BAD = 'test/fixtures/claims/bad';
const VALID = 'test/fixtures/claims/valid';

describe('claimdesk claims lint', () => {
  it('exits 0 with a one-line summary on stdout for a valid catalogue (and one for the languages)', async () => {
    const c = captureIO();
    expect(await claimsLint([VALID], c.io)).toBe(0);
    expect(c.err()).toBe('');
    expect(c.out()).toMatch(
      /^test\/fixtures\/claims\/valid: 2 entries, no problems \(catalogue version [0-9a-f]{12}\)\nlang: 3 languages \(en, kk, ru\), no problems\n$/,
    );
  });

  it('exits 1 and prints every problem as path:line:col: message, sorted, then a summary', async () => {
    const c = captureIO();
    expect(await claimsLint([BAD], c.io)).toBe(1);
    expect(c.out()).toBe('');
    const lines = c.err().trimEnd().split('\n');
    expect(lines).toHaveLength(19);
    expect(lines[0]).toBe(
      `${join(BAD, 'bad-date.yaml')}:4:13: first_seen: 2023-02-30 is not a real calendar date`,
    );
    expect(lines).toContain(
      `${join(BAD, 'tab-indent.yaml')}:8:1: tab character used for indentation: YAML indents with spaces only`,
    );
    expect(lines).toContain(
      `${join(BAD, 'duplicate-key.yaml')}:11:3: duplicated key 'en': each field may appear only once`,
    );
    expect(lines).toContain(
      `${join(BAD, 'unknown-field.yaml')}:6:1: unknown field 'titel' (typo? did you mean 'title'?)`,
    );
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^test\/fixtures\/claims\/bad\/[a-z-]+\.yaml:\d+:\d+: \S/);
    expect(lines.at(-1)).toBe('18 problems in 16 files');
  });

  it('uses CLAIMS_DIR when no directory is given', async () => {
    const c = captureIO({ CLAIMS_DIR: BAD });
    expect(await claimsLint([], c.io)).toBe(1);
    expect(c.err()).toContain(`${join(BAD, 'bad-id.yaml')}:1:5: `);
  });

  it('exits 1 for a directory that does not exist', async () => {
    const c = captureIO();
    expect(await claimsLint(['no/such/dir'], c.io)).toBe(1);
    expect(c.err()).toBe(
      'no/such/dir:1:1: cannot read the catalogue: no such directory\n1 problem in 1 file\n',
    );
  });

  it('exits 2 on a usage error', async () => {
    const two = captureIO();
    expect(await claimsLint([VALID, BAD], two.io)).toBe(2);
    expect(two.err()).toMatch(
      /^claimdesk claims lint: give at most one directory\nUsage: claimdesk claims lint \[dir\]/,
    );
    const flag = captureIO();
    expect(await claimsLint(['--fix'], flag.io)).toBe(2);
    expect(flag.err()).toContain("Unknown option '--fix'");
    expect(flag.out()).toBe('');
  });
});

/** The loader: reads a directory, builds the catalogue, versions it, and fails with every issue. */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueVersion, loadCatalogue, validateCatalogueDir } from '../../src/claims/load.js';
import { CatalogueError } from '../../src/model/errors.js';

const VALID = 'test/fixtures/claims/valid';
const BAD = 'test/fixtures/claims/bad';
const temps: string[] = [];

function copyOf(dir: string): string {
  const tmp = mkdtempSync(join(tmpdir(), 'claimdesk-claims-'));
  temps.push(tmp);
  cpSync(dir, tmp, { recursive: true });
  return tmp;
}

afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe('loadCatalogue', () => {
  it('loads *.yaml and *.yml entries (nothing else), indexed by id, with defaults applied', async () => {
    const catalogue = await loadCatalogue(VALID);
    expect(catalogue.entries.map((e) => e.id)).toEqual(['example-claim', 'example-narrative']);
    expect(catalogue.byId.get('example-claim')?.parent).toBe('example-narrative');
    expect(catalogue.byId.get('example-narrative')?.sources).toEqual([]);
    expect(catalogue.byId.get('example-claim')?.examples.debunk).toHaveLength(1);
    expect(catalogue.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('throws a CatalogueError carrying every issue of every file', async () => {
    const err = await loadCatalogue(BAD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogueError);
    if (!(err instanceof CatalogueError)) return;
    expect(err.message).toBe(`The catalogue in ${BAD} has 18 problems`);
    expect(err.issues).toHaveLength(18);
    expect(new Set(err.issues.map((i) => i.file)).size).toBe(16);
    expect(err.issues[0]).toEqual({
      file: join(BAD, 'bad-date.yaml'),
      line: 4,
      col: 13,
      message: 'first_seen: 2023-02-30 is not a real calendar date',
    });
  });

  it('reports a missing directory and an empty one as issues', async () => {
    expect(await validateCatalogueDir(join(VALID, 'nope'))).toEqual({
      catalogue: null,
      issues: [
        {
          file: join(VALID, 'nope'),
          line: 1,
          col: 1,
          message: 'cannot read the catalogue: no such directory',
        },
      ],
    });
    const empty = mkdtempSync(join(tmpdir(), 'claimdesk-empty-'));
    temps.push(empty);
    writeFileSync(join(empty, 'README.md'), 'not an entry');
    expect(await validateCatalogueDir(empty)).toEqual({
      catalogue: null,
      issues: [{ file: empty, line: 1, col: 1, message: 'no entry files (*.yaml) in this directory' }],
    });
  });
});

describe('catalogue version', () => {
  it('is the same for the same files, wherever they are', async () => {
    const a = await loadCatalogue(VALID);
    const b = await loadCatalogue(copyOf(VALID));
    expect(b.version).toBe(a.version);
  });

  it('changes when an entry changes, is added, removed or renamed', async () => {
    const dir = copyOf(VALID);
    const seen = new Set([(await loadCatalogue(dir)).version]);
    const claim = join(dir, 'example-claim.yml');

    writeFileSync(claim, `${readFileSync(claim, 'utf8')}# a comment\n`);
    seen.add((await loadCatalogue(dir)).version);

    writeFileSync(
      join(dir, 'another-narrative.yaml'),
      readFileSync(join(dir, 'example-narrative.yaml'), 'utf8').replace(
        'id: example-narrative',
        'id: another-narrative',
      ),
    );
    seen.add((await loadCatalogue(dir)).version);

    renameSync(claim, join(dir, 'example-claim.yaml'));
    seen.add((await loadCatalogue(dir)).version);

    rmSync(join(dir, 'another-narrative.yaml'));
    seen.add((await loadCatalogue(dir)).version);
    expect(seen.size).toBe(5);
  });

  it('does not depend on the order files are listed in', () => {
    const files = [
      { name: 'a.yaml', text: 'x' },
      { name: 'b.yaml', text: 'y' },
    ];
    expect(catalogueVersion(files)).toBe(catalogueVersion([...files].reverse()));
    expect(catalogueVersion(files)).not.toBe(catalogueVersion([{ name: 'a.yaml', text: 'xy' }]));
  });
});

describe('readEntryFiles', () => {
  it('follows symbolic links to files (as mounted config volumes use) and skips directories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-links-'));
    temps.push(dir);
    symlinkSync(join(process.cwd(), VALID, 'example-narrative.yaml'), join(dir, 'example-narrative.yaml'));
    mkdirSync(join(dir, 'folder.yaml'));
    const catalogue = await loadCatalogue(dir);
    expect(catalogue.entries.map((e) => e.id)).toEqual(['example-narrative']);
  });
});

/** Reads a catalogue directory: every *.yaml / *.yml file in it, validated all at once. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CatalogueError } from '../errors.js';
import type { CatalogueIssue } from './issues.js';
import type { Catalogue, Entry } from './schema.js';
import { ENTRY_FILE_RE, type EntryFile, validateCatalogueFiles } from './validate.js';

export interface CatalogueCheck {
  /** The catalogue when it has no issue at all, else null. */
  catalogue: Catalogue | null;
  issues: CatalogueIssue[];
}

/** Validates the directory; never throws for a bad catalogue (a missing directory is an issue too). */
export async function validateCatalogueDir(dir: string): Promise<CatalogueCheck> {
  let files: EntryFile[];
  try {
    files = await readEntryFiles(dir);
  } catch (err) {
    const reason =
      err instanceof Error && 'code' in err && err.code === 'ENOENT' ? 'no such directory' : String(err);
    return {
      catalogue: null,
      issues: [{ file: dir, line: 1, col: 1, message: `cannot read the catalogue: ${reason}` }],
    };
  }
  if (files.length === 0) {
    return {
      catalogue: null,
      issues: [{ file: dir, line: 1, col: 1, message: 'no entry files (*.yaml) in this directory' }],
    };
  }
  const { entries, issues } = validateCatalogueFiles(files);
  return { catalogue: issues.length === 0 ? buildCatalogue(entries, catalogueVersion(files)) : null, issues };
}

/** The validated catalogue, or a CatalogueError carrying every issue. */
export async function loadCatalogue(dir: string): Promise<Catalogue> {
  const { catalogue, issues } = await validateCatalogueDir(dir);
  if (!catalogue) {
    const n = issues.length;
    throw new CatalogueError(`The catalogue in ${dir} has ${n} problem${n === 1 ? '' : 's'}`, issues);
  }
  return catalogue;
}

/** The entry files of a directory in name order; symbolic links to files count (mounted config volumes use them). */
export async function readEntryFiles(dir: string): Promise<EntryFile[]> {
  const names = (await readdir(dir)).filter((name) => ENTRY_FILE_RE.test(name)).sort();
  const files: EntryFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    files.push({ path, name, text: await readFile(path, 'utf8') });
  }
  return files;
}

/**
 * A short content hash of the entry files (names and contents, in name order): it changes whenever
 * any entry changes, is added or is removed, so caches keyed by it never serve stale results.
 */
export function catalogueVersion(files: ReadonlyArray<Pick<EntryFile, 'name' | 'text'>>): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    hash.update(f.name).update('\0').update(f.text).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

export function buildCatalogue(entries: ReadonlyArray<Entry>, version: string): Catalogue {
  return { version, entries: [...entries], byId: new Map(entries.map((e) => [e.id, e])) };
}

/** The catalogue directory for command-line tools: CLAIMS_DIR, else ./claims (as in config.ts). */
export function claimsDirFrom(env: Readonly<Record<string, string | undefined>>): string {
  return env.CLAIMS_DIR?.trim() || './claims';
}

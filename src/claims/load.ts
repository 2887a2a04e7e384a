/** Reads a catalogue directory: every *.yaml / *.yml file in it, validated all at once. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CatalogueError } from '../model/errors.js';
import { type CatalogueIssue, sortIssues } from './issues.js';
import { ACTORS_FILE, type ParsedActors, parseActorsFile } from './meta.js';
import { fileSizeIssue, totalSizeIssue } from './size-caps.js';
import type { Catalogue, Entry } from '../model/catalogue.js';
import { ENTRY_FILE_RE, type EntryFile, validateCatalogueFiles } from './validate.js';

export interface CatalogueCheck {
  /** The catalogue when it has no issue at all, else null. */
  catalogue: Catalogue | null;
  issues: CatalogueIssue[];
}

/** Validates the directory; never throws for a bad catalogue (a missing directory is an issue too). */
export async function validateCatalogueDir(dir: string): Promise<CatalogueCheck> {
  let files: EntryFile[];
  let readIssues: CatalogueIssue[];
  try {
    ({ files, issues: readIssues } = await readEntryFiles(dir));
  } catch (err) {
    const reason =
      err instanceof Error && 'code' in err && err.code === 'ENOENT' ? 'no such directory' : String(err);
    return {
      catalogue: null,
      issues: [{ file: dir, line: 1, col: 1, message: `cannot read the catalogue: ${reason}` }],
    };
  }
  if (readIssues.length > 0) return { catalogue: null, issues: sortIssues(readIssues) };
  if (files.length === 0) {
    return {
      catalogue: null,
      issues: [{ file: dir, line: 1, col: 1, message: 'no entry files (*.yaml) in this directory' }],
    };
  }
  const meta = await readActors(dir);
  const { entries, issues } = validateCatalogueFiles(files, { actors: meta.actors });
  const all = meta.issues.length > 0 ? sortIssues([...issues, ...meta.issues]) : issues;
  return {
    catalogue: all.length === 0 ? buildCatalogue(entries, catalogueVersion(files)) : null,
    issues: all,
  };
}

/** claims/meta/actors.yaml when the directory has one (a catalogue without it has no provenance rule). */
export async function readActors(dir: string): Promise<ParsedActors> {
  const path = join(dir, ACTORS_FILE);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return { actors: null, list: null, issues: [] };
  }
  const tooLarge = fileSizeIssue(path, size);
  if (tooLarge) return { actors: null, list: null, issues: [tooLarge] };
  return parseActorsFile(path, await readFile(path, 'utf8'));
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

/**
 * The entry files of a directory in name order; symbolic links to files count (mounted config
 * volumes use them). A file over the size cap is not read (an issue says so), nor is any file once
 * the catalogue is over its total cap.
 */
export async function readEntryFiles(dir: string): Promise<{ files: EntryFile[]; issues: CatalogueIssue[] }> {
  const names = (await readdir(dir)).filter((name) => ENTRY_FILE_RE.test(name)).sort();
  const found: Array<{ path: string; name: string; size: number }> = [];
  const issues: CatalogueIssue[] = [];
  let total = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path);
    if (!info.isFile()) continue;
    total += info.size;
    const tooLarge = fileSizeIssue(path, info.size);
    if (tooLarge) issues.push(tooLarge);
    else found.push({ path, name, size: info.size });
  }
  const overall = totalSizeIssue(dir, total);
  if (overall) return { files: [], issues: [...issues, overall] };
  const files: EntryFile[] = [];
  for (const f of found) files.push({ path: f.path, name: f.name, text: await readFile(f.path, 'utf8') });
  return { files, issues };
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

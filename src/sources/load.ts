/** Reads the sources directory: every *.yaml / *.yml file, validated at once (as the catalogue is). */
import { dirname, join } from 'node:path';
import { type CatalogueIssue, formatIssue } from '../claims/issues.js';
import { catalogueVersion, readEntryFiles } from '../claims/load.js';
import { CatalogueError } from '../model/errors.js';
import type { SourceList } from './schema.js';
import { validateSourceFiles } from './validate.js';

export interface SourcesCheck {
  /** The list when it has no issue (empty when the directory is absent and optional), else null. */
  list: SourceList | null;
  issues: CatalogueIssue[];
  /** False when the directory does not exist (only allowed when it was not asked for explicitly). */
  present: boolean;
}

/**
 * Validates a sources directory. A missing directory is an issue only when `required` (SOURCES_DIR
 * was set); otherwise it means "no sources list", which is not an error.
 */
export async function validateSourcesDir(dir: string, required: boolean): Promise<SourcesCheck> {
  let files: Awaited<ReturnType<typeof readEntryFiles>>;
  try {
    files = await readEntryFiles(dir);
  } catch (err) {
    const missing = err instanceof Error && 'code' in err && err.code === 'ENOENT';
    if (missing && !required) return { list: { version: 'none', sources: [] }, issues: [], present: false };
    const reason = missing ? 'no such directory' : String(err);
    return {
      list: null,
      issues: [{ file: dir, line: 1, col: 1, message: `cannot read the sources list: ${reason}` }],
      present: !missing,
    };
  }
  const { sources, issues } = validateSourceFiles(files.files);
  const all = [...files.issues, ...issues];
  const list = all.length === 0 ? { version: catalogueVersion(files.files), sources } : null;
  return { list, issues: all, present: true };
}

/** The validated list, or a CatalogueError carrying every issue. */
export async function loadSources(dir: string, required = false): Promise<SourceList> {
  const { list, issues } = await validateSourcesDir(dir, required);
  if (!list) {
    const n = issues.length;
    const first = issues[0] ? `; first: ${formatIssue(issues[0])}` : '';
    throw new CatalogueError(
      `The sources list in ${dir} has ${n} problem${n === 1 ? '' : 's'}${first}`,
      issues,
    );
  }
  return list;
}

/** SOURCES_DIR, else the `sources` directory beside the catalogue directory (./claims → ./sources). */
export function sourcesDirFrom(claimsDir: string, env: Readonly<Record<string, string | undefined>>): string {
  return env.SOURCES_DIR?.trim() || join(dirname(claimsDir.replace(/[/\\]+$/, '') || '.'), 'sources');
}

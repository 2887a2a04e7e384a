/**
 * `claimdesk claims lint [dir]` (and the sources list beside it, and the language folders the code
 * reads: lang/): every problem as `path:line:col: message` on stderr; exit 1 when any.
 */
import { isAbsolute, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue } from '../../claims/issues.js';
import { validateLanguageDir } from '../../claims/lint-languages.js';
import { claimsDirFrom, validateCatalogueDir } from '../../claims/load.js';
import { packageLangDir } from '../../lang/root.js';
import { sourcesDirFrom, validateSourcesDir } from '../../sources/load.js';
import type { CliCommand, CliIO } from './io.js';

const USAGE =
  "Usage: claimdesk claims lint [dir]   (default: $CLAIMS_DIR or ./claims; sources: $SOURCES_DIR or ../sources beside it; languages: the installation's lang/)\n";

/** The folder as a person reads it: relative to the working directory when inside it. */
function shown(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir;
}

/** The command over a given language root (tests); `claimsLint` checks the package's own lang/. */
export function claimsLintWith(langDir: string): CliCommand {
  return (args, io) => lint(args, io, langDir);
}

export const claimsLint: CliCommand = (args, io) => lint(args, io, packageLangDir());

async function lint(args: string[], io: CliIO, langDir: string): Promise<number> {
  let positionals: string[];
  try {
    positionals = parseArgs({ args, options: {}, allowPositionals: true }).positionals;
  } catch (err) {
    io.stderr.write(`claimdesk claims lint: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (positionals.length > 1) {
    io.stderr.write(`claimdesk claims lint: give at most one directory\n${USAGE}`);
    return 2;
  }
  const dir = positionals[0] ?? claimsDirFrom(io.env);
  const { catalogue, issues: entryIssues } = await validateCatalogueDir(dir);
  const sourcesDir = sourcesDirFrom(dir, io.env);
  const sources = await validateSourcesDir(sourcesDir, Boolean(io.env.SOURCES_DIR?.trim()));
  const languages = validateLanguageDir(shown(langDir));
  const issues = [...entryIssues, ...sources.issues, ...languages.issues];
  if (catalogue && sources.list && languages.registry) {
    const n = catalogue.entries.length;
    io.stdout.write(
      `${dir}: ${n} ${n === 1 ? 'entry' : 'entries'}, no problems (catalogue version ${catalogue.version})\n`,
    );
    const m = sources.list.sources.length;
    if (sources.present)
      io.stdout.write(`${sourcesDir}: ${m} ${m === 1 ? 'source' : 'sources'}, no problems\n`);
    const ids = languages.registry.languages.map((l) => l.id);
    io.stdout.write(
      `${shown(langDir)}: ${ids.length} ${ids.length === 1 ? 'language' : 'languages'} (${ids.join(', ')}), no problems\n`,
    );
    return 0;
  }
  for (const issue of issues) io.stderr.write(`${formatIssue(issue)}\n`);
  const files = new Set(issues.map((i) => i.file)).size;
  const n = issues.length;
  io.stderr.write(`${n} ${n === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}\n`);
  return 1;
}

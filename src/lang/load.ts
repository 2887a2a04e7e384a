/**
 * Reads a language root (a folder of language folders: lang/en, lang/ru, …) into a registry.
 * Synchronous, because text normalization needs its languages before anything else runs; the files
 * are small. A folder is a language when it holds language.yaml; every folder must.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { buildRegistry, type LanguageRegistry } from './registry.js';
import { packageLangDir } from './root.js';
import { type FolderData, type LanguageProblem, validateLanguageData } from './validate.js';

export const LANGUAGE_FILE = 'language.yaml';
export const CUES_FILE = 'cues.yaml';

export interface FolderText {
  name: string;
  dir: string;
  language: { file: string; text: string };
  cues: { file: string; text: string };
}

/** The language folders of `root` with their files' text, in name order, and what could not be read. */
export function readLanguageFolders(root: string): { folders: FolderText[]; problems: LanguageProblem[] } {
  const problems: LanguageProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(root)
      .filter((n) => !n.startsWith('.') && statSync(join(root, n)).isDirectory())
      .sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such directory' : String(err);
    return {
      folders: [],
      problems: [{ file: root, path: [], message: `cannot read the languages: ${reason}` }],
    };
  }
  if (names.length === 0)
    problems.push({ file: root, path: [], message: 'no language folders (lang/<id>/language.yaml)' });
  const folders: FolderText[] = [];
  for (const name of names) {
    const dir = join(root, name);
    const read = (base: string): { file: string; text: string } | null => {
      const file = join(dir, base);
      try {
        return { file, text: readFileSync(file, 'utf8') };
      } catch {
        problems.push({
          file,
          path: [],
          message: `missing ${base}: every language folder has ${LANGUAGE_FILE} and ${CUES_FILE}`,
        });
        return null;
      }
    };
    const language = read(LANGUAGE_FILE);
    const cues = read(CUES_FILE);
    if (language && cues) folders.push({ name, dir, language, cues });
  }
  return { folders, problems };
}

/** The problem of a language setup, with every problem found (the message names the first ones). */
export class LanguageDataError extends Error {
  override readonly name = 'LanguageDataError';
  constructor(readonly problems: ReadonlyArray<LanguageProblem>) {
    const first = problems
      .slice(0, 3)
      .map((p) => `${p.file}: ${p.path.length > 0 ? `${p.path.join('.')}: ` : ''}${p.message}`);
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    super(
      `invalid language data: ${first.join('; ')}${more}; run \`claimdesk claims lint\` for every position`,
    );
  }
}

function yamlData(file: string, text: string, problems: LanguageProblem[]): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    problems.push({ file, path: [], message: `malformed YAML: ${error.message.split('\n')[0] ?? ''}` });
    return undefined;
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) problems.push({ file, path: [], message: 'the file is empty' });
  return data;
}

/** The registry of `root`; throws LanguageDataError when anything in it is wrong. */
export function loadRegistry(root: string): LanguageRegistry {
  const { folders, problems } = readLanguageFolders(root);
  const data: FolderData[] = folders.map((f) => ({
    name: f.name,
    dir: f.dir,
    language: { file: f.language.file, data: yamlData(f.language.file, f.language.text, problems) },
    cues: { file: f.cues.file, data: yamlData(f.cues.file, f.cues.text, problems) },
  }));
  if (problems.length > 0) throw new LanguageDataError(problems);
  const { languages, problems: invalid } = validateLanguageData(data);
  if (!languages) throw new LanguageDataError(invalid);
  return buildRegistry(root, languages);
}

let shipped: LanguageRegistry | null = null;

/** The registry of the package's own lang/ folder, read once. */
export function defaultRegistry(): LanguageRegistry {
  shipped ??= loadRegistry(packageLangDir());
  return shipped;
}

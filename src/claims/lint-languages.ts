/**
 * `claimdesk claims lint` for the language folders (lang/<id>/language.yaml and cues.yaml): the
 * registry's own validator (lang/validate.ts), its problems placed in the files with the
 * catalogue's machinery, so they read `path:line:col: message` like every other lint problem.
 */
import { readLanguageFolders } from '../lang/load.js';
import type { LanguageRegistry } from '../lang/registry.js';
import { buildRegistry } from '../lang/registry.js';
import { type FolderData, type LanguageProblem, validateLanguageData } from '../lang/validate.js';
import { type CatalogueIssue, sortIssues } from './issues.js';
import { schemaIssues } from './schema-issues.js';
import { type ParsedYaml, parseYaml } from './yaml-source.js';

export interface LanguagesCheck {
  /** The registry when the folders have no problem at all, else null. */
  registry: LanguageRegistry | null;
  issues: CatalogueIssue[];
}

const EMPTY = {
  language: 'the file is empty: language.yaml is a mapping of fields (id: …, name: …, stemmer: …)',
  cues: 'the file is empty: cues.yaml maps cue kinds to their terms (refute: [...], …)',
};

/** Validates the language folders of `root`; never throws. */
export function validateLanguageDir(root: string): LanguagesCheck {
  const { folders, problems } = readLanguageFolders(root);
  const sources = new Map<string, ParsedYaml>();
  const issues: CatalogueIssue[] = [];
  const data: FolderData[] = [];
  for (const f of folders) {
    const language = parseYaml(f.language.file, f.language.text, EMPTY.language);
    const cues = parseYaml(f.cues.file, f.cues.text, EMPTY.cues);
    sources.set(f.language.file, language);
    sources.set(f.cues.file, cues);
    issues.push(...language.issues, ...cues.issues);
    if (language.issues.length > 0 || cues.issues.length > 0) continue;
    data.push({
      name: f.name,
      dir: f.dir,
      language: { file: f.language.file, data: language.data },
      cues: { file: f.cues.file, data: cues.data },
    });
  }
  const validated = validateLanguageData(data);
  for (const p of [...problems, ...validated.problems]) issues.push(...placed(p, sources.get(p.file)));
  const registry =
    issues.length === 0 && validated.languages ? buildRegistry(root, validated.languages) : null;
  return { registry, issues: sortIssues(issues) };
}

function placed(p: LanguageProblem, source: ParsedYaml | undefined): CatalogueIssue[] {
  if (!source) return [{ file: p.file, line: 1, col: 1, message: p.message }];
  if (p.issue) return schemaIssues(p.file, source, [p.issue], p.schema);
  return [{ file: p.file, ...source.at(p.path), message: p.message }];
}

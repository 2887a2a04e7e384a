/**
 * The one validator of language folders: the schema (schema.ts), then the rules that need more than
 * one field or file (rules.ts). Pure: it takes parsed YAML data and returns problems with the data
 * path they concern, which the loader prints as `file: path: message` and `claimdesk claims lint`
 * turns into `file:line:col: message` (claims/lint-languages.ts).
 */
import type { z } from 'zod';
import type { CueKind } from './cue-kinds.js';
import { type LanguageInfo, languageInfo } from './registry.js';
import { languageRules } from './rules.js';

export type { LanguageProblem } from './problem.js';
import type { LanguageProblem, ParsedFolder } from './problem.js';
import { cuesFileSchema, languageFileSchema } from './schema.js';
import { NO_STEMMER, stemmerNamed } from './stemmers.js';

export interface FolderData {
  /** The folder's name (the language id it must declare). */
  name: string;
  dir: string;
  language: { file: string; data: unknown };
  cues: { file: string; data: unknown };
}

export function validateLanguageData(folders: ReadonlyArray<FolderData>): {
  languages: LanguageInfo[] | null;
  problems: LanguageProblem[];
} {
  const problems: LanguageProblem[] = [];
  const parsed: ParsedFolder[] = [];
  for (const f of folders) {
    const language = parse(languageFileSchema, f.language.file, f.language.data, problems);
    const cues = parse(cuesFileSchema, f.cues.file, f.cues.data, problems);
    if (!language || !cues) continue;
    parsed.push({
      name: f.name,
      dir: f.dir,
      languageFile: f.language.file,
      cuesFile: f.cues.file,
      language,
      cues,
    });
  }
  if (problems.length > 0) return { languages: null, problems };
  problems.push(...languageRules(parsed));
  if (problems.length > 0) return { languages: null, problems };
  const languages = parsed.map((p) => {
    const stemmer = stemmerNamed(p.language.stemmer) ?? NO_STEMMER; // known: the rules checked it
    const cues = Object.fromEntries(
      Object.entries(p.cues).map(([k, terms]) => [k, terms.map((t) => t.replace(/\s+/g, ' ').trim())]),
    ) as Record<CueKind, string[]>;
    return languageInfo(p.language, cues, stemmer, p.dir);
  });
  return { languages, problems };
}

function parse<S extends z.ZodType>(
  schema: S,
  file: string,
  data: unknown,
  problems: LanguageProblem[],
): z.output<S> | null {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    problems.push({ file, path: issue.path, message: issue.message, issue, schema });
  return null;
}

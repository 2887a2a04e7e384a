/**
 * The catalogue's data files that are not entries, under claims/meta/ (the loader reads only the
 * directory's own *.yaml files as entries, so nothing here is ever taken for one):
 * meta/actors.yaml, the named persons and institutions of the provenance rule.
 */
import { type ActorIndex, type ActorList, actorsSchema, compileActors } from './actors.js';
import { formatPath, type CatalogueIssue } from './issues.js';
import { parseYaml } from './yaml-source.js';

export const ACTORS_FILE = 'meta/actors.yaml';

export interface ParsedActors {
  actors: ActorIndex | null;
  list: ActorList | null;
  issues: CatalogueIssue[];
}

/** Parses and validates the actors file; its problems are positioned like an entry's. */
export function parseActorsFile(path: string, text: string): ParsedActors {
  const source = parseYaml(path, text);
  if (source.issues.length > 0) return { actors: null, list: null, issues: source.issues };
  const parsed = actorsSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue): CatalogueIssue => {
      if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0] ?? '';
        return {
          file: path,
          ...source.at([...issue.path, key], 'key'),
          message: `unknown field '${key}' (an actor has name, en, ru, kk; the file has persons and institutions)`,
        };
      }
      const where = formatPath(issue.path);
      const message =
        issue.input === undefined
          ? `missing required field '${where}'`
          : `${where ? `${where}: ` : ''}${issue.message}`;
      return { file: path, ...source.at(issue.path), message };
    });
    return { actors: null, list: null, issues };
  }
  return { actors: compileActors(parsed.data), list: parsed.data, issues: [] };
}

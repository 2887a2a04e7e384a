/**
 * The sources validator: pure, like the catalogue's, and with the same machinery (YAML positions,
 * schema messages, sorted `path:line:col: message` issues).
 */
import { type CatalogueIssue, sortIssues } from '../claims/issues.js';
import { schemaIssues } from '../claims/schema-issues.js';
import type { EntryFile } from '../claims/validate.js';
import { parseYaml } from '../claims/yaml-source.js';
import { type LocatedSource, sourceRules } from './rules.js';
import { type Source, sourceSchema } from './schema.js';

export interface SourcesValidation {
  /** Sources that passed the schema, sorted by id. */
  sources: Source[];
  issues: CatalogueIssue[];
}

export function validateSourceFiles(files: ReadonlyArray<EntryFile>): SourcesValidation {
  const issues: CatalogueIssue[] = [];
  const located: LocatedSource[] = [];
  for (const f of files) {
    const yaml = parseYaml(f.path, f.text);
    if (yaml.issues.length > 0) {
      issues.push(...yaml.issues);
      continue;
    }
    const parsed = sourceSchema.safeParse(yaml.data, { reportInput: true });
    if (!parsed.success) {
      issues.push(...schemaIssues(f.path, yaml, parsed.error.issues, sourceSchema));
      continue;
    }
    located.push({
      source: parsed.data,
      file: f.path,
      baseName: f.name.replace(/\.ya?ml$/, ''),
      at: yaml.at,
    });
  }
  issues.push(...sourceRules(located));
  const sources = located.map((l) => l.source).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { sources, issues: sortIssues(issues) };
}

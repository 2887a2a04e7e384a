/**
 * The catalogue validator: pure (no file system), used by the loader, `claimdesk claims lint`, CI
 * and the tests. Every problem of every file comes back at once, positioned and sorted.
 */
import type { ActorIndex } from './actors.js';
import { type CatalogueIssue, sortIssues } from './issues.js';
import { provenanceIssues } from './provenance.js';
import { sizeIssue } from './size-caps.js';
import { catalogueIssues, type LocatedEntry } from './catalogue-rules.js';
import { entryIssues } from './entry-rules.js';
import { type Entry, entrySchema } from '../model/catalogue.js';
import { schemaIssues } from './schema-issues.js';
import { parseYaml } from './yaml-source.js';

export interface EntryFile {
  /** The file as messages should name it, e.g. "claims/nato-peacekeeping-centre.yaml". */
  path: string;
  /** The file name alone, e.g. "nato-peacekeeping-centre.yaml": the id must equal it without extension. */
  name: string;
  text: string;
}

export interface ValidationResult {
  /** Entries that passed the schema, sorted by id (some may still have rule issues). */
  entries: Entry[];
  issues: CatalogueIssue[];
}

export const ENTRY_FILE_RE = /^[^.].*\.ya?ml$/;

export interface ValidationOptions {
  /** The named actors of the provenance rule (claims/meta/actors.yaml); without them the rule is off. */
  actors?: ActorIndex | null;
}

export function validateCatalogueFiles(
  files: ReadonlyArray<EntryFile>,
  options: ValidationOptions = {},
): ValidationResult {
  const issues: CatalogueIssue[] = [];
  const located: LocatedEntry[] = [];
  const otherIds = new Set<string>();

  for (const f of files) {
    const tooLarge = sizeIssue(f.path, f.text);
    if (tooLarge) {
      issues.push(tooLarge);
      continue;
    }
    const source = parseYaml(f.path, f.text);
    if (source.issues.length > 0) {
      issues.push(...source.issues);
      continue;
    }
    const parsed = entrySchema.safeParse(source.data, { reportInput: true });
    if (!parsed.success) {
      issues.push(...schemaIssues(f.path, source, parsed.error.issues));
      const id = rawId(source.data);
      if (id !== null) otherIds.add(id);
      continue;
    }
    const baseName = f.name.replace(/\.ya?ml$/, '');
    const ctx = { file: f.path, baseName, at: source.at };
    issues.push(...entryIssues(parsed.data, ctx));
    if (options.actors) issues.push(...provenanceIssues(parsed.data, ctx, options.actors));
    located.push({ entry: parsed.data, file: f.path, at: source.at });
  }

  issues.push(...catalogueIssues(located, otherIds));
  const entries = located.map((l) => l.entry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, issues: sortIssues(issues) };
}

function rawId(data: unknown): string | null {
  if (data && typeof data === 'object' && 'id' in data && typeof data.id === 'string') return data.id;
  return null;
}

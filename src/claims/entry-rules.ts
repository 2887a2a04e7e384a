/**
 * Rules on one entry that need the whole entry or its file name (the schema itself checks each
 * field, real dates and https addresses included): the id is the file name, `updated` is not before
 * `first_seen`, patterns name defined concepts, and an entry without an official denial says so in
 * `no_official_denial` (and only then).
 */
import { closest } from './closest.js';
import { isBefore } from '../model/dates.js';
import type { CatalogueIssue, Position } from './issues.js';
import type { Entry } from '../model/catalogue.js';

export interface RuleContext {
  file: string;
  /** The file name without its extension: what the id must be. */
  baseName: string;
  at(path: ReadonlyArray<PropertyKey>, part?: 'key' | 'value'): Position;
}

type Path = ReadonlyArray<PropertyKey>;

export function entryIssues(entry: Entry, ctx: RuleContext): CatalogueIssue[] {
  const out: CatalogueIssue[] = [];
  const report = (path: Path, message: string, part: 'key' | 'value' = 'value') =>
    out.push({ file: ctx.file, ...ctx.at(path, part), message });

  if (entry.id !== ctx.baseName) {
    report(['id'], `id '${entry.id}' must equal the file name '${ctx.baseName}' (without .yaml)`);
  }
  if (entry.parent === entry.id) report(['parent'], 'parent: an entry cannot be its own parent');
  if (isBefore(entry.updated, entry.first_seen)) {
    report(['updated'], `updated (${entry.updated}) is earlier than first_seen (${entry.first_seen})`);
  }

  const concepts = Object.keys(entry.match.concepts);
  const defined = new Set(concepts);
  for (const [i, pattern] of entry.match.patterns.entries()) {
    const seen = new Set<string>();
    for (const [j, name] of pattern.entries()) {
      const path = ['match', 'patterns', i, j];
      if (!defined.has(name)) {
        const guess = closest(name, concepts);
        const hint = guess ? ` (did you mean '${guess}'?)` : ` (defined: ${concepts.join(', ') || 'none'})`;
        report(path, `match.patterns[${i}]: concept '${name}' is not defined in match.concepts${hint}`);
      } else if (seen.has(name)) {
        report(
          path,
          `match.patterns[${i}]: concept '${name}' is listed twice; a pattern needs different concepts`,
        );
      }
      seen.add(name);
    }
  }

  for (const [i, name] of (entry.match.signals?.require ?? []).entries()) {
    if (defined.has(name)) continue;
    const guess = closest(name, concepts);
    const hint = guess ? ` (did you mean '${guess}'?)` : ` (defined: ${concepts.join(', ') || 'none'})`;
    report(
      ['match', 'signals', 'require', i],
      `match.signals.require: concept '${name}' is not defined in match.concepts${hint}`,
    );
  }

  const hasOfficial = entry.denials.some((d) => d.type === 'official');
  if (!hasOfficial && entry.no_official_denial === undefined) {
    report(
      entry.denials.length > 0 ? ['denials'] : [],
      'no official denial is listed: add one to denials, or say why there is none in no_official_denial',
      'key',
    );
  }
  if (hasOfficial && entry.no_official_denial !== undefined) {
    report(
      ['no_official_denial'],
      'no_official_denial must be removed: denials include an official denial',
      'key',
    );
  }
  return out;
}

/** Rules across entries: ids are unique, parents exist, are narratives, and never loop. */
import { closest } from './closest.js';
import type { CatalogueIssue, Position } from './issues.js';
import type { Entry } from '../model/catalogue.js';

export interface LocatedEntry {
  entry: Entry;
  file: string;
  at(path: ReadonlyArray<PropertyKey>, part?: 'key' | 'value'): Position;
}

/**
 * `otherIds`: ids of files that failed the schema; a parent naming one of them is not reported
 * as missing (the file's own problems are, and fixing them fixes this).
 */
export function catalogueIssues(
  located: ReadonlyArray<LocatedEntry>,
  otherIds: ReadonlySet<string>,
): CatalogueIssue[] {
  const out: CatalogueIssue[] = [];
  const byId = new Map<string, LocatedEntry>();
  for (const l of located) {
    const first = byId.get(l.entry.id);
    if (first) {
      out.push({
        file: l.file,
        ...l.at(['id']),
        message: `duplicate id '${l.entry.id}': also used by ${first.file}`,
      });
    } else {
      byId.set(l.entry.id, l);
    }
  }

  let narratives: string[] | null = null;
  for (const l of located) {
    const parent = l.entry.parent;
    if (parent === undefined || parent === l.entry.id) continue;
    const target = byId.get(parent)?.entry;
    const report = (message: string) => out.push({ file: l.file, ...l.at(['parent']), message });
    if (!target) {
      if (otherIds.has(parent)) continue;
      narratives ??= located.filter((x) => x.entry.kind === 'narrative').map((x) => x.entry.id);
      const guess = closest(parent, narratives);
      report(
        `parent '${parent}' is not an entry in this catalogue${guess ? ` (did you mean '${guess}'?)` : ''}`,
      );
    } else if (target.kind !== 'narrative') {
      report(`parent '${parent}' is a claim: a parent must be a narrative`);
    } else {
      const loop = parentLoop(l.entry, byId);
      if (loop) report(`parent chain loops: ${loop.join(' → ')}`);
    }
  }
  return out;
}

/** The ids of a parent chain that comes back to `start`, or null. */
function parentLoop(start: Entry, byId: ReadonlyMap<string, LocatedEntry>): string[] | null {
  const chain = [start.id];
  let current = start.parent;
  while (current !== undefined) {
    chain.push(current);
    if (current === start.id) return chain;
    if (chain.indexOf(current) < chain.length - 1) return null; // a loop that does not include start
    current = byId.get(current)?.entry.parent;
  }
  return null;
}

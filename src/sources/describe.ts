/** One English line about a listed source, for exports: "state media; classified by EU Council (sanctions), …". */
import { sourceKindLabel } from '../lang/phrases/why.js';
import type { Source, SourceKind } from './schema.js';

export function kindLabel(kind: SourceKind): string {
  return sourceKindLabel(kind);
}

export function describeSource(source: Source): string {
  const who = [...new Set(source.classified_by.map((c) => c.who))].join(', ');
  return `${kindLabel(source.kind)}; classified by ${who}`;
}

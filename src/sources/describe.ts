/** One English line about a listed source, for exports: "state media; classified by EU Council (sanctions), …". */
import type { Source, SourceKind } from './schema.js';

const KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  state_media: 'state media',
  affiliated: 'affiliated outlet',
  anonymous_channel: 'anonymous channel',
};

export function kindLabel(kind: SourceKind): string {
  return KIND_LABELS[kind];
}

export function describeSource(source: Source): string {
  const who = [...new Set(source.classified_by.map((c) => c.who))].join(', ');
  return `${kindLabel(source.kind)}; classified by ${who}`;
}

/**
 * The provenance rule: an example, a context or a variant that names a person or institution of
 * claims/meta/actors.yaml attributes words or acts to it, so it must say where they were seen:
 * `source` on an example or variant, `context_sources` on the entry for its context. A text in the
 * propaganda's own voice that names nobody ("Kazakhstan is preparing for war") needs no source.
 */
import { type ActorIndex, type NamedActor, namedActors } from './actors.js';
import type { CatalogueIssue } from './issues.js';
import type { RuleContext } from './entry-rules.js';
import type { Entry } from '../model/catalogue.js';
import { textOf } from './strings.js';

const EXAMPLE_KINDS = ['match', 'no_match', 'debunk'] as const;
const LANGS = ['en', 'ru', 'kk'] as const;

export function describeActors(actors: ReadonlyArray<NamedActor>): string {
  return actors.map((a) => `${a.name} (${a.kind === 'person' ? 'a person' : 'an institution'})`).join(', ');
}

/** One finding per text that names an actor without saying where it was seen. */
export interface UnsourcedAttribution {
  path: ReadonlyArray<PropertyKey>;
  actors: NamedActor[];
  message: string;
}

export function unsourcedAttributions(entry: Entry, actors: ActorIndex): UnsourcedAttribution[] {
  const out: UnsourcedAttribution[] = [];
  for (const kind of EXAMPLE_KINDS) {
    entry.examples[kind].forEach((ex, i) => {
      if (ex.source !== undefined) return;
      const named = namedActors(ex.text, actors, ex.lang === 'kk');
      if (named.length === 0) return;
      out.push({
        path: ['examples', kind, i, 'text'],
        actors: named,
        message: `examples.${kind}[${i}] names ${describeActors(named)}: add source: <https url> where these words were seen, or write the example without the name`,
      });
    });
  }
  if (entry.context_sources.length === 0) {
    for (const lang of LANGS) {
      const text = entry.context[lang];
      if (text === undefined) continue;
      const named = namedActors(textOf(text), actors, lang === 'kk');
      if (named.length === 0) continue;
      out.push({
        path: ['context', lang],
        actors: named,
        message: `context.${lang} names ${describeActors(named)}: list the reporting it rests on in context_sources: [<https url>]`,
      });
    }
  }
  entry.variants.forEach((v, i) => {
    if (v.source !== undefined) return;
    const named = namedActors(v.summary, actors);
    if (named.length === 0) return;
    out.push({
      path: ['variants', i, 'summary'],
      actors: named,
      message: `variants[${i}] names ${describeActors(named)}: add source: <https url> where this was reported`,
    });
  });
  return out;
}

export function provenanceIssues(entry: Entry, ctx: RuleContext, actors: ActorIndex): CatalogueIssue[] {
  return unsourcedAttributions(entry, actors).map((u) => ({
    file: ctx.file,
    ...ctx.at(u.path),
    message: u.message,
  }));
}

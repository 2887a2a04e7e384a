/**
 * Source signals (issue 12): an article published by a listed outlet or channel (sources/*.yaml,
 * found by sourceForUrl) that carries a narrative with no counter-voice promotes it. The source is
 * never a verdict on its own: it only decides a match the text already made, and only one that was
 * `reports` for attribution or quotation marks alone (a refutation, distancing, or a counter-voice in
 * the article keeps its stance). The `why` names the outlet and who classified it.
 */
import type { Match } from '../model/types.js';
import { describeSource } from '../sources/describe.js';
import type { SourceLookup } from '../sources/lookup.js';
import type { Source } from '../sources/schema.js';
import { WHY } from './stance.js';

export function sourceOf(lookup: SourceLookup | null, url: string | null | undefined): Source | null {
  if (!lookup || !url) return null;
  return lookup.sourceForUrl(url);
}

/** The match as published by `source`: reported-only matches promote; every alerting one says where. */
export function withSource(m: Match, source: Source): Match {
  const line = `published by ${source.name} (${describeSource(source)})`;
  const why = m.why ?? '';
  const reportedOnly =
    m.stance === 'reports' && (why.startsWith(WHY.attributed) || why.startsWith(WHY.quoted));
  if (reportedOnly) return { ...m, stance: 'promotes', why: `${why}, with no counter-voice, ${line}` };
  if (m.stance === 'promotes' || m.stance === 'unclear') return { ...m, why: why ? `${why}; ${line}` : line };
  return m;
}

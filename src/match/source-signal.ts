/**
 * Source signals (issue 12): an article published by a listed outlet or channel (sources/*.yaml,
 * found by sourceForUrl) that carries a narrative with no counter-voice promotes it. The source is
 * never a verdict on its own: it only decides a match the text already made, and only one that was
 * `reports` for attribution or quotation marks alone (a refutation, distancing, or a counter-voice in
 * the article keeps its stance). The `why` names the outlet and who classified it.
 */
import { whyLine } from '../lang/phrases/why.js';
import type { Match } from '../model/types.js';
import type { SourceLookup } from '../sources/lookup.js';
import type { Source } from '../sources/schema.js';

export function sourceOf(lookup: SourceLookup | null, url: string | null | undefined): Source | null {
  if (!lookup || !url) return null;
  return lookup.sourceForUrl(url);
}

/** The match as published by `source`: reported-only matches promote; every alerting one says where. */
export function withSource(m: Match, source: Source): Match {
  const reason = m.reason;
  if (!reason) return m;
  const reportedOnly = m.stance === 'reports' && (reason.code === 'attributed' || reason.code === 'quoted');
  if (!reportedOnly && m.stance !== 'promotes' && m.stance !== 'unclear') return m;
  const classifiedBy = [...new Set(source.classified_by.map((c) => c.who))];
  const sourced = {
    ...reason,
    source: { name: source.name, kind: source.kind, classifiedBy, decided: reportedOnly },
  };
  return {
    ...m,
    ...(reportedOnly ? { stance: 'promotes' as const } : {}),
    why: whyLine(sourced),
    reason: sourced,
  };
}

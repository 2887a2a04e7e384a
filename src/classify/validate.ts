/**
 * Trust nothing the model says: findings whose id is not a candidate from the catalogue, or whose
 * quote does not occur in the article, are dropped; confidence is clamped; the evidence kept is the
 * article's own text. What survives is a Match with method "llm".
 */
import type { Catalogue } from '../model/catalogue.js';
import type { Article, Match } from '../model/types.js';
import { findingSchema } from './output-schema.js';
import { quoteFinder } from './quote.js';

export type DropReason = 'malformed' | 'unknown_id' | 'not_candidate' | 'quote_not_found' | 'duplicate';

export interface Dropped {
  /** The id as the model wrote it, reduced to safe characters and 64 of them (it is model output). */
  id: string;
  reason: DropReason;
}

export interface Validated {
  matches: Match[];
  dropped: Dropped[];
  possiblyNewNarrative: string | null;
}

export function clampConfidence(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(1, Math.max(0, n));
}

function safeId(id: unknown): string {
  return typeof id === 'string' ? id.replace(/[^a-z0-9-]/gi, '').slice(0, 64) : '';
}

/** A short plain sentence for editors: no markup, no mentions, no links spelled out as tags. */
export function cleanNarrative(text: string | null): string | null {
  if (text === null) return null;
  const clean = text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[<>]/g, '')
    .replace(/@(everyone|here|channel)\b/gi, '$1')
    // The model's own words reach editors: no address an injected article could make us post.
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1')
    .replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/gi, '[link removed]')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean || /^(null|none|no|n\/a)\.?$/i.test(clean)) return null;
  return clean.length > 280 ? `${clean.slice(0, 279)}…` : clean;
}

export function validateFindings(
  raw: { findings: unknown[]; possiblyNewNarrative: string | null },
  ctx: { article: Pick<Article, 'title' | 'text'>; catalogue: Catalogue; candidateIds: ReadonlySet<string> },
): Validated {
  const matches: Match[] = [];
  const dropped: Dropped[] = [];
  const find = quoteFinder(ctx.article);
  const seen = new Set<string>();
  for (const item of raw.findings) {
    const parsed = findingSchema.safeParse(item);
    if (!parsed.success) {
      dropped.push({
        id: safeId(typeof item === 'object' && item && 'id' in item ? item.id : ''),
        reason: 'malformed',
      });
      continue;
    }
    const f = parsed.data;
    if (!f.touches) continue;
    const entry = ctx.catalogue.byId.get(f.id);
    if (!entry) {
      dropped.push({ id: safeId(f.id), reason: 'unknown_id' });
      continue;
    }
    if (!ctx.candidateIds.has(f.id)) {
      dropped.push({ id: f.id, reason: 'not_candidate' });
      continue;
    }
    const quote = find(f.quote);
    if (quote === null) {
      dropped.push({ id: f.id, reason: 'quote_not_found' });
      continue;
    }
    if (seen.has(f.id)) {
      dropped.push({ id: f.id, reason: 'duplicate' });
      continue;
    }
    seen.add(f.id);
    matches.push({
      id: f.id,
      kind: entry.kind,
      stance: f.stance,
      confidence: clampConfidence(f.confidence),
      method: 'llm',
      evidence: [{ quote }],
    });
  }
  return { matches, dropped, possiblyNewNarrative: cleanNarrative(raw.possiblyNewNarrative) };
}

/**
 * Merges lexical and LLM findings into one match per entry id.
 *
 * - Only one side found it: that side's match (method "lexical" or "llm"). An LLM-only match needs
 *   evidence (a quote the classifier verified in the article); without one it is dropped, because it
 *   could alert on the model's word alone. The classifier has already capped, to a note, every
 *   LLM-only match whose quote does not name its own entry (tie-to-entry.ts).
 * - Both found it (method "lexical+llm"), the stances in the same class (alerting: promotes/unclear;
 *   not alerting: reports/debunks): agreement. The LLM's stance is kept (it reads the context), with
 *   one exception: an "unclear" from the model never overrides a lexical "promotes" it cannot refute.
 *   Confidence rises: 1 − (1 − a)(1 − b), at most 0.99.
 * - Both found it, the classes disagree: the stance becomes "unclear" (the reply shows both pieces of
 *   evidence and lets a person judge), and never "promotes":
 *   - the lexical side saw refutation or attribution (reports/debunks) and the model says it alerts:
 *     confidence min(a, b) × 0.6, so the model cannot turn a debunk into an alert unless both sides
 *     are very sure (≥ 0.84 at the default threshold 0.5) — a false alarm on a debunk is the worst
 *     thing claimdesk can do;
 *   - the lexical side alerts and the model says reports/debunks: the lexical confidence stays, so
 *     an article cannot talk the model into silencing a lexical alert ("this is only a report").
 * - Evidence: lexical quotes first, then the model's, without duplicates (same text after
 *   normalization, or one contained in another already kept).
 */
import type { Evidence, Match, Stance } from '../model/types.js';
import { normalizeQuote } from './quote.js';
import { clampConfidence } from './validate.js';

export const MAX_MERGED_CONFIDENCE = 0.99;
export const DISAGREEMENT_FACTOR = 0.6;

const ALERTING: ReadonlySet<Stance> = new Set(['promotes', 'unclear']);

function agree(a: number, b: number): number {
  return Math.min(MAX_MERGED_CONFIDENCE, 1 - (1 - clampConfidence(a)) * (1 - clampConfidence(b)));
}

export function mergeEvidence(...lists: ReadonlyArray<ReadonlyArray<Evidence>>): Evidence[] {
  const kept: Evidence[] = [];
  const norms: string[] = [];
  for (const list of lists) {
    for (const ev of list) {
      const n = normalizeQuote(ev.quote);
      if (!n) continue;
      if (norms.some((k) => k === n || k.includes(n))) continue;
      // A longer quote that contains one already kept replaces it.
      const inner = norms.findIndex((k) => n.includes(k));
      if (inner >= 0) {
        kept[inner] = ev;
        norms[inner] = n;
        continue;
      }
      kept.push(ev);
      norms.push(n);
    }
  }
  return kept;
}

function hasVerifiedQuote(m: Match): boolean {
  return m.evidence.some((e) => e.quote.trim().length > 0);
}

function combine(lex: Match, llm: Match): Match {
  const lexAlerts = ALERTING.has(lex.stance);
  const llmAlerts = ALERTING.has(llm.stance);
  let stance: Stance;
  let confidence: number;
  if (lexAlerts === llmAlerts) {
    stance = lex.stance === 'promotes' && llm.stance === 'unclear' ? 'promotes' : llm.stance;
    confidence = agree(lex.confidence, llm.confidence);
  } else if (llmAlerts) {
    stance = 'unclear';
    confidence =
      Math.min(clampConfidence(lex.confidence), clampConfidence(llm.confidence)) * DISAGREEMENT_FACTOR;
  } else {
    stance = 'unclear';
    confidence = clampConfidence(lex.confidence);
  }
  return {
    id: lex.id,
    kind: lex.kind,
    stance,
    confidence: Math.min(MAX_MERGED_CONFIDENCE, confidence),
    method: 'lexical+llm',
    evidence: mergeEvidence(lex.evidence, llm.evidence),
  };
}

/** Folds several findings for one id from the same side into one (the strongest first). */
function dedupe(list: ReadonlyArray<Match>): Map<string, Match> {
  const out = new Map<string, Match>();
  for (const m of list) {
    const prev = out.get(m.id);
    if (!prev)
      out.set(m.id, { ...m, confidence: clampConfidence(m.confidence), evidence: mergeEvidence(m.evidence) });
    else {
      const [a, b] = prev.confidence >= m.confidence ? [prev, m] : [m, prev];
      out.set(m.id, {
        ...a,
        confidence: clampConfidence(a.confidence),
        evidence: mergeEvidence(a.evidence, b.evidence),
      });
    }
  }
  return out;
}

/** One match per entry id: lexical order first, then LLM-only matches in the model's order. */
export function mergeFindings(lexical: Match[], llm: Match[]): Match[] {
  const lex = dedupe(lexical);
  const model = dedupe(llm.filter(hasVerifiedQuote));
  const out: Match[] = [];
  for (const [id, l] of lex) {
    const m = model.get(id);
    out.push(m ? combine(l, m) : { ...l, method: 'lexical' });
  }
  for (const [id, m] of model) {
    if (!lex.has(id)) out.push({ ...m, method: 'llm' });
  }
  return out;
}

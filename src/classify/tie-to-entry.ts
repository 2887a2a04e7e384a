/**
 * Ties each LLM finding to the entry it names. A verified quote proves only that the sentence is in
 * the article, not that it is about that entry: an obedient or injected model could attach any
 * candidate to a sentence about NATO. So a finding the lexical matcher did not make may alert only
 * when one of its quotes names a distinctive concept of its entry (match/entry-vocabulary.ts, read
 * through the matcher's own index). Otherwise it stays, with its stance and evidence, as a note:
 * confidence capped at UNTIED_MAX_CONFIDENCE.
 *
 * A finding the lexical matcher also made is left as it is: mergeFindings combines the two, so the
 * model can neither silence a lexical alert nor turn a lexical debunk into one.
 */
import type { ClassifyRequest, ClassifyResponse } from '../model/ports.js';
import type { Language, Match } from '../model/types.js';
import type { VocabularyCheck } from '../match/entry-vocabulary.js';
import { clampConfidence } from './validate.js';

/**
 * The most confidence an untied finding keeps: well under the alert threshold (default 0.5), so the
 * reply shows it as touching the entry "only weakly", never as an alert. An ALERT_THRESHOLD at or
 * below this would let the model alert alone again.
 */
export const UNTIED_MAX_CONFIDENCE = 0.2;

export interface Tied {
  matches: Match[];
  /** Ids of the LLM-only findings whose quotes do not name their entry (capped). */
  untied: string[];
}

export function tieFindings(
  matches: ReadonlyArray<Match>,
  ctx: { lexicalIds: ReadonlySet<string>; vocabulary: VocabularyCheck; language: Language | null },
): Tied {
  const untied: string[] = [];
  const out = matches.map((m) => {
    if (ctx.lexicalIds.has(m.id)) return m;
    if (m.evidence.some((ev) => ctx.vocabulary(m.id, ev.quote, ctx.language).carries)) return m;
    untied.push(m.id);
    return { ...m, confidence: Math.min(clampConfidence(m.confidence), UNTIED_MAX_CONFIDENCE) };
  });
  return { matches: out, untied };
}

/** A classifier response with its findings tied to the request's lexical result and catalogue. */
export function tieResponse(res: ClassifyResponse, req: ClassifyRequest, vocabulary: VocabularyCheck): Tied {
  return tieFindings(res.matches, {
    lexicalIds: new Set(req.lexical.map((m) => m.id)),
    vocabulary,
    language: req.article.language,
  });
}

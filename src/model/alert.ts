/**
 * The alert rule, shared by the pipeline, the evaluation and the tests: the bot warns when some
 * match promotes the entry, or is unclear about it, with confidence at or above the threshold.
 * Articles that only report on or debunk a narrative never raise an alert.
 */
import type { Match } from './types.js';

export function isAlerting(m: Match, threshold: number): boolean {
  return (m.stance === 'promotes' || m.stance === 'unclear') && m.confidence >= threshold;
}

export function isAlert(matches: readonly Match[], threshold: number): boolean {
  return matches.some((m) => isAlerting(m, threshold));
}

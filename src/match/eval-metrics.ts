/**
 * Evaluation metrics over labelled cases:
 * - recall: share of (promoting text, expected id) pairs for which the id is flagged (a match with
 *   stance promotes or unclear at or above the threshold; a flagged claim also counts for its
 *   parent narrative, since the reply names the parent);
 * - false alarms: neutral texts that raise any alert;
 * - promotes on debunks: debunking texts with any match whose stance is `promotes` (the worst
 *   error), and separately debunking texts that raise an alert at all.
 */
import type { Catalogue } from '../claims/schema.js';
import type { Match } from '../core/types.js';
import { isAlert, isAlerting } from './alert.js';
import type { EvalCase } from './eval-cases.js';

export interface CaseResult {
  case: EvalCase;
  matches: Match[];
}

export interface EntryStats {
  promote: number;
  recalled: number;
  falseAlarms: number;
  debunk: number;
  promotesOnDebunk: number;
}

export interface Failure {
  case: EvalCase;
  problem: string;
  matches: Match[];
}

export interface EvalReport {
  threshold: number;
  cases: { promote: number; neutral: number; debunk: number };
  recall: number;
  recalled: number;
  expected: number;
  falseAlarms: number;
  promotesOnDebunk: number;
  alertsOnDebunk: number;
  perEntry: Record<string, EntryStats>;
  failures: Failure[];
}

function ancestors(catalogue: Catalogue, id: string): string[] {
  const out: string[] = [];
  let parent = catalogue.byId.get(id)?.parent;
  while (parent && !out.includes(parent)) {
    out.push(parent);
    parent = catalogue.byId.get(parent)?.parent;
  }
  return out;
}

/** True when `id` is flagged: an alerting match for it, or for one of its child claims. */
export function flags(
  matches: readonly Match[],
  id: string,
  catalogue: Catalogue,
  threshold: number,
): boolean {
  return matches.some(
    (m) => isAlerting(m, threshold) && (m.id === id || ancestors(catalogue, m.id).includes(id)),
  );
}

export function evaluate(
  results: readonly CaseResult[],
  catalogue: Catalogue,
  threshold: number,
): EvalReport {
  const perEntry: Record<string, EntryStats> = {};
  const stats = (id: string): EntryStats => {
    perEntry[id] ??= { promote: 0, recalled: 0, falseAlarms: 0, debunk: 0, promotesOnDebunk: 0 };
    return perEntry[id];
  };
  const failures: Failure[] = [];
  const counts = { promote: 0, neutral: 0, debunk: 0 };
  let expected = 0;
  let recalled = 0;
  let falseAlarms = 0;
  let promotesOnDebunk = 0;
  let alertsOnDebunk = 0;
  for (const { case: c, matches } of results) {
    counts[c.kind]++;
    if (c.kind === 'promote') {
      for (const id of c.expect) {
        expected++;
        stats(id).promote++;
        if (flags(matches, id, catalogue, threshold)) {
          recalled++;
          stats(id).recalled++;
        } else failures.push({ case: c, problem: `missed ${id}`, matches });
      }
    } else if (c.kind === 'neutral') {
      if (isAlert(matches, threshold)) {
        falseAlarms++;
        const ids = matches.filter((m) => isAlerting(m, threshold)).map((m) => m.id);
        for (const id of ids) stats(id).falseAlarms++;
        failures.push({ case: c, problem: `false alarm: ${ids.join(', ')}`, matches });
      }
    } else {
      for (const id of c.expect) stats(id).debunk++;
      const promoting = matches.filter((m) => m.stance === 'promotes');
      if (promoting.length > 0) {
        promotesOnDebunk++;
        for (const m of promoting) stats(m.id).promotesOnDebunk++;
        failures.push({
          case: c,
          problem: `promotes on a debunk: ${promoting.map((m) => m.id).join(', ')}`,
          matches,
        });
      } else if (isAlert(matches, threshold)) {
        alertsOnDebunk++;
        failures.push({ case: c, problem: 'alert (unclear) on a debunk', matches });
      }
    }
  }
  return {
    threshold,
    cases: counts,
    recall: expected === 0 ? 1 : recalled / expected,
    recalled,
    expected,
    falseAlarms,
    promotesOnDebunk,
    alertsOnDebunk,
    perEntry,
    failures,
  };
}

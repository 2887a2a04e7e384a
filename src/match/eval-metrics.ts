/**
 * Evaluation metrics over labelled cases:
 * - recall: share of (promoting text, expected id) pairs for which the id is flagged (a match with
 *   stance promotes or unclear at or above the threshold; a flagged claim also counts for its
 *   parent narrative, since the reply names the parent);
 * - false alarms: neutral texts that raise any alert;
 * - promotes on debunks: debunking texts with any match whose stance is `promotes` (the worst
 *   error), and separately debunking texts that raise an alert at all; `reports` texts count
 *   apart (`cases.reports`, `alertsOnReports`).
 * `evaluate` is the regression gate of the tests; `outcomeOf` is one case's verdict, which the
 * breakdown of `npm run eval` (eval-score.ts) aggregates.
 */
import type { Catalogue } from '../model/catalogue.js';
import type { Match } from '../model/types.js';
import { isAlert, isAlerting } from '../model/alert.js';
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
  cases: { promote: number; neutral: number; debunk: number; reports: number };
  recall: number;
  recalled: number;
  expected: number;
  falseAlarms: number;
  promotesOnDebunk: number;
  alertsOnDebunk: number;
  alertsOnReports: number;
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
  const counts = { promote: 0, neutral: 0, debunk: 0, reports: 0 };
  let expected = 0;
  let recalled = 0;
  let falseAlarms = 0;
  let promotesOnDebunk = 0;
  let alertsOnDebunk = 0;
  let alertsOnReports = 0;
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
    } else if (c.kind === 'reports') {
      if (isAlert(matches, threshold)) {
        alertsOnReports++;
        failures.push({ case: c, problem: 'alert on a report', matches });
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
    alertsOnReports,
    perEntry,
    failures,
  };
}

/** What the matcher said about one expected id: an alerting stance, a weaker one, or nothing. */
export type Verdict = 'promotes' | 'unclear' | 'below threshold' | 'reports' | 'debunks' | 'no match';
export const VERDICTS: readonly Verdict[] = [
  'promotes',
  'unclear',
  'below threshold',
  'reports',
  'debunks',
  'no match',
];

export interface ExpectedVerdict {
  id: string;
  flagged: boolean;
  verdict: Verdict;
  /** The match the verdict comes from: the strongest alerting one, else the most confident. */
  match: Match | null;
}

export interface CaseOutcome {
  case: EvalCase;
  matches: Match[];
  /** The bot would post a warning. */
  alert: boolean;
  /** Some match says `promotes`, at any confidence. */
  promotes: boolean;
  /** One verdict per expected id; for a text without ids, one over all its matches. */
  verdicts: ExpectedVerdict[];
  /** Promoting texts with ids: every id flagged. Null for other texts. */
  recalled: boolean | null;
}

function verdictOf(candidates: readonly Match[], threshold: number): Omit<ExpectedVerdict, 'id'> {
  const byConfidence = [...candidates].sort((a, b) => b.confidence - a.confidence);
  const match = byConfidence.find((m) => isAlerting(m, threshold)) ?? byConfidence[0] ?? null;
  if (!match) return { flagged: false, verdict: 'no match', match: null };
  if (isAlerting(match, threshold)) return { flagged: true, verdict: match.stance, match };
  const weak = match.stance === 'promotes' || match.stance === 'unclear';
  return { flagged: false, verdict: weak ? 'below threshold' : match.stance, match };
}

export function outcomeOf(
  { case: c, matches }: CaseResult,
  catalogue: Catalogue,
  threshold: number,
): CaseOutcome {
  const verdicts: ExpectedVerdict[] =
    c.expect.length === 0
      ? [{ id: '', ...verdictOf(matches, threshold) }]
      : c.expect.map((id) => ({
          id,
          ...verdictOf(
            matches.filter((m) => m.id === id || ancestors(catalogue, m.id).includes(id)),
            threshold,
          ),
        }));
  return {
    case: c,
    matches,
    alert: isAlert(matches, threshold),
    promotes: matches.some((m) => m.stance === 'promotes'),
    verdicts,
    recalled: c.kind === 'promote' && c.expect.length > 0 ? verdicts.every((v) => v.flagged) : null,
  };
}

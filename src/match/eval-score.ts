/**
 * The breakdown `npm run eval` prints, computed twice: over every item and over the items not
 * marked `doubtful`.
 * - recall: promoting texts (with ids) of which every expected id is flagged;
 * - uncatalogued: promoting texts of a narrative no entry covers (no ids), counted apart;
 * - alerts per kind: debunk, reports and neutral texts that raise an alert, and those with any
 *   `promotes` match (at any confidence);
 * - confusion: expected kind × the matcher's verdict for the expected id (for texts without ids,
 *   over all their matches);
 * - per entry (one count per text and expected id) and per language (one count per text).
 */
import type { Catalogue } from '../model/catalogue.js';
import { isAlerting } from '../model/alert.js';
import type { EvalCase } from './eval-cases.js';
import { type CaseOutcome, type CaseResult, outcomeOf, VERDICTS, type Verdict } from './eval-metrics.js';

export type AlertKind = 'debunk' | 'reports' | 'neutral';
export const ALERT_KINDS: readonly AlertKind[] = ['debunk', 'reports', 'neutral'];

export interface Ratio {
  hit: number;
  of: number;
}

export interface KindAlerts {
  texts: number;
  alerted: number;
  promotes: number;
}

export interface EntryScore {
  recall: Ratio;
  debunk: number;
  reports: number;
  /** Debunk, reports and neutral texts on which this entry raised the alert. */
  alarms: number;
}

export interface LangScore {
  recall: Ratio;
  alerts: Record<AlertKind, KindAlerts>;
}

export interface SetScore {
  texts: number;
  kinds: Record<EvalCase['kind'], number>;
  recall: Ratio;
  uncatalogued: { texts: number; alerted: number };
  alerts: Record<AlertKind, KindAlerts>;
  confusion: Record<EvalCase['kind'], Record<Verdict, number>>;
  perEntry: Record<string, EntryScore>;
  perLang: Record<string, LangScore>;
  /** Promoting texts not recalled. */
  misses: CaseOutcome[];
  /** Debunk, reports and neutral texts that alert or have a `promotes` match. */
  alarms: CaseOutcome[];
}

export interface EvalScore {
  threshold: number;
  doubtful: number;
  excludingDoubtful: SetScore;
  all: SetScore;
}

const alertsZero = (): Record<AlertKind, KindAlerts> => ({
  debunk: { texts: 0, alerted: 0, promotes: 0 },
  reports: { texts: 0, alerted: 0, promotes: 0 },
  neutral: { texts: 0, alerted: 0, promotes: 0 },
});

const verdictsZero = (): Record<Verdict, number> =>
  Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;

function alertingIds(o: CaseOutcome, threshold: number): string[] {
  return [...new Set(o.matches.filter((m) => isAlerting(m, threshold)).map((m) => m.id))];
}

function scoreSet(outcomes: readonly CaseOutcome[], threshold: number): SetScore {
  const s: SetScore = {
    texts: outcomes.length,
    kinds: { promote: 0, debunk: 0, reports: 0, neutral: 0 },
    recall: { hit: 0, of: 0 },
    uncatalogued: { texts: 0, alerted: 0 },
    alerts: alertsZero(),
    confusion: {
      promote: verdictsZero(),
      debunk: verdictsZero(),
      reports: verdictsZero(),
      neutral: verdictsZero(),
    },
    perEntry: {},
    perLang: {},
    misses: [],
    alarms: [],
  };
  const entry = (id: string): EntryScore => {
    s.perEntry[id] ??= { recall: { hit: 0, of: 0 }, debunk: 0, reports: 0, alarms: 0 };
    return s.perEntry[id];
  };
  for (const o of outcomes) {
    const c = o.case;
    s.kinds[c.kind]++;
    const lang = s.perLang[c.lang] ?? { recall: { hit: 0, of: 0 }, alerts: alertsZero() };
    s.perLang[c.lang] = lang;
    if (c.kind === 'promote' && o.recalled === null) {
      s.uncatalogued.texts++;
      if (o.alert) s.uncatalogued.alerted++;
      continue;
    }
    for (const v of o.verdicts) s.confusion[c.kind][v.verdict]++;
    if (c.kind === 'promote') {
      s.recall.of++;
      lang.recall.of++;
      if (o.recalled) {
        s.recall.hit++;
        lang.recall.hit++;
      } else s.misses.push(o);
      for (const v of o.verdicts) {
        entry(v.id).recall.of++;
        if (v.flagged) entry(v.id).recall.hit++;
      }
      continue;
    }
    for (const id of c.expect) if (c.kind !== 'neutral') entry(id)[c.kind]++;
    for (const counts of [s.alerts[c.kind], lang.alerts[c.kind]]) {
      counts.texts++;
      if (o.alert) counts.alerted++;
      if (o.promotes) counts.promotes++;
    }
    for (const id of alertingIds(o, threshold)) entry(id).alarms++;
    if (o.alert || o.promotes) s.alarms.push(o);
  }
  return s;
}

export function score(results: readonly CaseResult[], catalogue: Catalogue, threshold: number): EvalScore {
  const outcomes = results.map((r) => outcomeOf(r, catalogue, threshold));
  const sure = outcomes.filter((o) => !o.case.doubtful);
  return {
    threshold,
    doubtful: outcomes.length - sure.length,
    excludingDoubtful: scoreSet(sure, threshold),
    all: scoreSet(outcomes, threshold),
  };
}

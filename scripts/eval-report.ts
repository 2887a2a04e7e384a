/** Prints the evaluation score of `npm run eval` as text or as JSON. */
import type { CaseOutcome } from '../src/match/eval-metrics.js';
import { VERDICTS } from '../src/match/eval-metrics.js';
import { ALERT_KINDS, type EvalScore, type Ratio, type SetScore } from '../src/match/eval-score.js';

const TEXT_CHARS = 160;
const pct = (r: Ratio) => (r.of === 0 ? '-' : `${((r.hit / r.of) * 100).toFixed(1)}%`);
const ratio = (r: Ratio) => `${r.hit}/${r.of} (${pct(r)})`;
const got = (o: CaseOutcome) =>
  o.matches.map((m) => `${m.id}:${m.stance}:${m.confidence}`).join(' ') || 'no match';

function printSet(title: string, s: SetScore): void {
  const kinds = Object.entries(s.kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`\n== ${title}: ${s.texts} texts (${kinds})`);
  console.log(`Recall on promoting texts:  ${ratio(s.recall)}`);
  if (s.uncatalogued.texts > 0)
    console.log(
      `Uncatalogued promoting texts (not in recall): ${s.uncatalogued.texts}, alerted ${s.uncatalogued.alerted}`,
    );
  for (const k of ALERT_KINDS) {
    const a = s.alerts[k];
    console.log(
      `Alerts on ${`${k}:`.padEnd(9)}${`${a.alerted}/${a.texts}`.padEnd(8)}(a \`promotes\` match at any confidence: ${a.promotes})`,
    );
  }
  console.log('\nStance for the expected id (text without ids: its strongest match)');
  const cell = (v: string, x: string | number) => String(x).padEnd(v.length + 2);
  console.log(`  ${'kind'.padEnd(10)}${VERDICTS.map((v) => cell(v, v)).join('')}`);
  for (const [kind, row] of Object.entries(s.confusion))
    console.log(`  ${kind.padEnd(10)}${VERDICTS.map((v) => cell(v, row[v])).join('')}`);
  console.log(`\n  ${'language'.padEnd(10)}${'recall'.padEnd(18)}alerts: debunk  reports  neutral`);
  for (const [lang, l] of Object.entries(s.perLang).sort(([a], [b]) => a.localeCompare(b))) {
    const alerts = ALERT_KINDS.map((k) => `${l.alerts[k].alerted}/${l.alerts[k].texts}`.padEnd(9));
    console.log(`  ${lang.padEnd(10)}${ratio(l.recall).padEnd(26)}${alerts.join('')}`);
  }
  console.log(`\n  ${'entry'.padEnd(38)}${'recall'.padEnd(18)}debunk  reports alarms`);
  for (const [id, e] of Object.entries(s.perEntry).sort(([a], [b]) => a.localeCompare(b))) {
    const recall = e.recall.of ? ratio(e.recall) : '-';
    console.log(
      `  ${id.padEnd(38)}${recall.padEnd(18)}${String(e.debunk).padEnd(8)}${String(e.reports).padEnd(8)}${e.alarms}`,
    );
  }
}

function printCases(title: string, list: readonly CaseOutcome[]): void {
  console.log(list.length ? `\n${title} (${list.length}):` : `\nNo ${title.toLowerCase()}.`);
  for (const o of list) {
    const c = o.case;
    const mark = c.doubtful ? ' doubtful' : '';
    const verdicts = o.verdicts.map((v) => `${v.id || '(any)'}: ${v.verdict}`).join(', ');
    console.log(
      `- [${c.id}] ${c.kind}${mark}, expect ${c.expect.join(', ') || '-'} (${c.source})\n` +
        `    verdict: ${verdicts}\n    got: ${got(o)}\n    text: ${c.text.slice(0, TEXT_CHARS)}`,
    );
  }
}

export function printScore(score: EvalScore, verbose: boolean, llmErrors: number): void {
  console.log(`Threshold: ${score.threshold}; items marked doubtful: ${score.doubtful}`);
  if (llmErrors > 0) console.log(`LLM calls that failed (lexical result kept): ${llmErrors}`);
  if (score.doubtful > 0) printSet('Excluding doubtful', score.excludingDoubtful);
  printSet(score.doubtful > 0 ? 'All, doubtful included' : 'All (none marked doubtful)', score.all);
  if (!verbose) return;
  printCases('Misses', score.all.misses);
  printCases('Alarms', score.all.alarms);
}

const slim = (o: CaseOutcome) => ({
  id: o.case.id,
  source: o.case.source,
  kind: o.case.kind,
  lang: o.case.lang,
  doubtful: o.case.doubtful ?? false,
  expect: o.case.expect,
  verdicts: o.verdicts.map((v) => ({ id: v.id || null, verdict: v.verdict, flagged: v.flagged })),
  matches: o.matches.map((m) => ({ id: m.id, stance: m.stance, confidence: m.confidence })),
  text: o.case.text.slice(0, TEXT_CHARS),
});

export function scoreJson(score: EvalScore, extra: Record<string, unknown>): string {
  const set = ({ misses, alarms, ...rest }: SetScore) => ({
    ...rest,
    misses: misses.map(slim),
    alarms: alarms.map(slim),
  });
  return JSON.stringify(
    {
      threshold: score.threshold,
      doubtful: score.doubtful,
      ...extra,
      excludingDoubtful: set(score.excludingDoubtful),
      all: set(score.all),
    },
    null,
    2,
  );
}

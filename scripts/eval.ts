/**
 * npm run eval [-- --file x.jsonl ...] [--json] [--llm] [--threshold 0.5] [--claims dir]
 *
 * Runs the matcher over the labelled set (eval/*.jsonl, or the --file sets) plus every catalogue
 * entry's examples, and prints recall on promoting texts, false alarms on neutral texts and
 * `promotes` verdicts on debunking texts, overall and per entry, then the failures.
 * --llm also runs the configured LLM classifier (OPENAI_API_KEY / OPENAI_BASE_URL) and merges its
 * findings with the lexical ones, as the bot does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../src/claims/load.js';
import type { Catalogue } from '../src/claims/schema.js';
import { readConfig } from '../src/config.js';
import type { Article, Match } from '../src/core/types.js';
import { silentLogger } from '../src/logger.js';
import {
  casesFromCatalogue,
  type EvalCase,
  parseEvalJsonl,
  unknownExpectations,
} from '../src/match/eval-cases.js';
import { type CaseResult, type EvalReport, evaluate } from '../src/match/eval-metrics.js';
import { createLexicalMatcher } from '../src/match/index.js';
import { MemoryStore } from '../src/store/memory-store.js';

const root = join(import.meta.dirname, '..');

function article(c: EvalCase): Article {
  return {
    url: null,
    canonicalUrl: null,
    title: c.title ?? null,
    byline: null,
    siteName: null,
    publishedAt: null,
    language: c.lang,
    text: c.text,
    source: 'text',
  };
}

type Classify = (a: Article, lexical: Match[], catalogue: Catalogue) => Promise<Match[]>;

async function llmClassifier(): Promise<Classify> {
  const config = readConfig(process.env);
  if (!config.llm)
    throw new Error('--llm needs OPENAI_API_KEY or OPENAI_BASE_URL (and OPENAI_MODEL) to be set');
  const { createClassifier, mergeFindings } = await import('../src/classify/index.js');
  const classifier = createClassifier(config.llm, { store: new MemoryStore(), logger: silentLogger });
  return async (a, lexical, catalogue) => {
    const res = await classifier.classify({ article: a, lexical, catalogue });
    return mergeFindings(lexical, res.matches);
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(report: EvalReport, llmErrors: number): void {
  const r = report;
  console.log(`Cases: ${r.cases.promote} promoting, ${r.cases.neutral} neutral, ${r.cases.debunk} debunking`);
  console.log(`Threshold: ${r.threshold}`);
  console.log(`Recall on promoting texts:   ${pct(r.recall)} (${r.recalled}/${r.expected})   target >= 90%`);
  console.log(`False alarms on neutral:     ${r.falseAlarms}/${r.cases.neutral}   target 0`);
  console.log(`"promotes" on debunking:     ${r.promotesOnDebunk}/${r.cases.debunk}   target 0`);
  console.log(`Alerts (unclear) on debunks: ${r.alertsOnDebunk}/${r.cases.debunk}`);
  if (llmErrors > 0) console.log(`LLM calls that failed (lexical result kept): ${llmErrors}`);
  console.log('\nPer entry                               recall    false alarms  promotes-on-debunk');
  for (const [id, s] of Object.entries(r.perEntry).sort(([a], [b]) => a.localeCompare(b))) {
    const recall = s.promote ? `${s.recalled}/${s.promote}`.padEnd(10) : '-'.padEnd(10);
    console.log(
      `  ${id.padEnd(38)}${recall}${String(s.falseAlarms).padEnd(14)}${s.promotesOnDebunk}/${s.debunk}`,
    );
  }
  console.log(r.failures.length ? `\nFailures (${r.failures.length}):` : '\nNo failures.');
  for (const f of r.failures) {
    const got = f.matches.map((m) => `${m.id}:${m.stance}:${m.confidence}`).join(' ') || 'no match';
    console.log(
      `- [${f.case.id}] ${f.problem} (${f.case.source})\n    got: ${got}\n    text: ${f.case.text.slice(0, 200)}`,
    );
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      llm: { type: 'boolean', default: false },
      threshold: { type: 'string', default: '0.5' },
      claims: { type: 'string', default: join(root, 'claims') },
    },
  });
  const threshold = Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    throw new Error('--threshold must be 0..1');
  const catalogue = await loadCatalogue(values.claims);
  const evalDir = join(root, 'eval');
  const files =
    values.file ??
    readdirSync(evalDir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => join(evalDir, f));
  const cases = [
    ...files.flatMap((f) => parseEvalJsonl(readFileSync(f, 'utf8'), f)),
    ...casesFromCatalogue(catalogue),
  ];
  const unknown = unknownExpectations(cases, catalogue);
  if (unknown.length > 0) throw new Error(`unknown ids in the evaluation set:\n${unknown.join('\n')}`);
  const matcher = createLexicalMatcher(catalogue);
  const classify = values.llm ? await llmClassifier() : null;
  let llmErrors = 0;
  const results: CaseResult[] = [];
  for (const c of cases) {
    const a = article(c);
    let matches = matcher.match(a);
    if (classify) {
      try {
        matches = await classify(a, matches, catalogue);
      } catch {
        llmErrors++;
      }
    }
    results.push({ case: c, matches });
  }
  const report = evaluate(results, catalogue, threshold);
  if (values.json) {
    const { failures, ...rest } = report;
    const slim = failures.map((f) => ({
      id: f.case.id,
      source: f.case.source,
      problem: f.problem,
      matches: f.matches,
    }));
    console.log(JSON.stringify({ ...rest, llm: values.llm, llmErrors, failures: slim }, null, 2));
  } else print(report, llmErrors);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);

/**
 * npm run eval [-- FILE.jsonl ...] [-v] [--json] [--examples] [--llm] [--threshold 0.5] [--claims dir]
 *
 * Runs the matcher over labelled sets and prints recall on promoting texts, alerts on debunk,
 * reports and neutral texts, a stance confusion table, per language and per entry, with and
 * without the items marked `doubtful` (eval-report.ts). With no FILE it runs the repository's
 * eval/*.jsonl plus every catalogue entry's examples; with FILEs (or `--file FILE`, an alias) only
 * those, and the catalogue's examples too with --examples. -v lists every miss and alarm.
 * --llm also runs the configured LLM classifier (OPENAI_API_KEY / OPENAI_BASE_URL) and merges its
 * findings with the lexical ones, as the bot does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../src/claims/load.js';
import type { Catalogue } from '../src/model/catalogue.js';
import { readConfig } from '../src/model/config.js';
import type { Article, Match } from '../src/model/types.js';
import { silentLogger } from '../src/logger.js';
import {
  casesFromCatalogue,
  type EvalCase,
  parseEvalJsonl,
  unknownExpectations,
} from '../src/match/eval-cases.js';
import type { CaseResult } from '../src/match/eval-metrics.js';
import { score } from '../src/match/eval-score.js';
import { createLexicalMatcher } from '../src/match/index.js';
import { loadSources, sourcesDirFrom } from '../src/sources/load.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { printScore, scoreJson } from './eval-report.js';

const root = join(import.meta.dirname, '..');

function article(c: EvalCase): Article {
  return {
    url: c.source_url ?? null,
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

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`${path}: cannot read the evaluation file (${code ?? String(err)})`);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      file: { type: 'string', multiple: true },
      verbose: { type: 'boolean', short: 'v', default: false },
      examples: { type: 'boolean', default: false },
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
  const given = [...(values.file ?? []), ...positionals];
  const files =
    given.length > 0
      ? given
      : readdirSync(evalDir)
          .filter((f) => f.endsWith('.jsonl'))
          .map((f) => join(evalDir, f));
  const withExamples = given.length === 0 || values.examples;
  const cases = [
    ...files.flatMap((f) => parseEvalJsonl(readFile(f), f)),
    ...(withExamples ? casesFromCatalogue(catalogue) : []),
  ];
  const unknown = unknownExpectations(cases, catalogue);
  if (unknown.length > 0) throw new Error(`unknown ids in the evaluation set:\n${unknown.join('\n')}`);
  // The outlets list beside the catalogue: a case's source_url on a listed outlet is a source signal.
  const { sources } = await loadSources(sourcesDirFrom(values.claims, {}));
  const matcher = createLexicalMatcher(catalogue, { sources });
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
  const result = score(results, catalogue, threshold);
  if (values.json) console.log(scoreJson(result, { llm: values.llm, llmErrors, files }));
  else printScore(result, values.verbose, llmErrors);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);

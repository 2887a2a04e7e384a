/**
 * npm run bench [-- --json] [--runs 30]
 *
 * A benchmark, not a test. Measures, for a ~100 KB article:
 * - matching time per article against synthetic catalogues of 10, 1,000 and 10,000 entries, and
 *   against the shipped catalogue (cold: the first article after the index is built; then the
 *   median and 95th percentile of `runs` more);
 * - the index build time and the heap it keeps;
 * - the whole offline pipeline per page (HTTP fetch from a local server on 127.0.0.1, HTML parse,
 *   article extraction, matching) through the real ArticleFetcher;
 * - a hostile page: one matching sentence repeated to 1 MB and 2 MB (bench-hostile.ts);
 * - peak memory (maxRSS).
 * Targets: under 5 ms per 100 KB article at 1,000 entries; 10,000 entries at most 3x the 10-entry time;
 * the 2 MB hostile page at most 3x the 1 MB one (linear: about 2x).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadCatalogue } from '../src/claims/load.js';
import type { Catalogue } from '../src/model/catalogue.js';
import { createLexicalMatcher } from '../src/match/index.js';
import { clearWordKeyCache } from '../src/text/word-keys.js';
import { plantedSentences, syntheticArticle, syntheticCatalogue } from './bench-data.js';
import { benchHostile } from './bench-hostile.js';
import { benchPipeline, stats } from './bench-pipeline.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '30' } },
});
const RUNS = Math.max(5, Number(values.runs) || 30);
const ms = (x: number) => Math.round(x * 100) / 100;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

// A collectable heap, so the index's own memory can be measured (same as node --expose-gc).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapNow(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

interface MatchRow {
  catalogue: string;
  entries: number;
  buildMs: number;
  indexHeapMb: number;
  coldMs: number;
  median: number;
  p95: number;
  newArticle: number;
  matches: number;
}

function benchMatch(name: string, catalogue: Catalogue, text: string): MatchRow {
  clearWordKeyCache();
  const before = heapNow();
  const t0 = performance.now();
  const matcher = createLexicalMatcher(catalogue);
  const buildMs = performance.now() - t0;
  const indexHeap = heapNow() - before;
  const article = { text, title: 'Новости дня', language: 'ru' as const };
  const c0 = performance.now();
  const first = matcher.match(article);
  const coldMs = performance.now() - c0;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    matcher.match(article);
    samples.push(performance.now() - t);
  }
  const { median, p95 } = stats(samples);
  const fresh: number[] = [];
  for (let seed = 100; seed < 110; seed++) {
    const other = { text: syntheticArticle(100_000, seed), title: null, language: 'ru' as const };
    const t = performance.now();
    matcher.match(other);
    fresh.push(performance.now() - t);
  }
  return {
    catalogue: name,
    entries: catalogue.entries.length,
    buildMs: ms(buildMs),
    indexHeapMb: mb(indexHeap),
    coldMs: ms(coldMs),
    median,
    p95,
    newArticle: stats(fresh).median,
    matches: first.length,
  };
}

async function main(): Promise<void> {
  const base = syntheticArticle(100_000);
  // Warm the JIT on other text first, so the first row is not penalised for compiling the code.
  const warm = createLexicalMatcher(syntheticCatalogue(50, 99));
  const warmText = syntheticArticle(100_000, 3);
  for (let i = 0; i < 40; i++) warm.match({ text: warmText, title: null, language: 'ru' });
  const rows: MatchRow[] = [];
  for (const size of [10, 1_000, 10_000]) {
    const catalogue = syntheticCatalogue(size);
    rows.push(benchMatch(`synthetic-${size}`, catalogue, `${base}\n\n${plantedSentences(catalogue, 5)}`));
  }
  const shipped = await loadCatalogue(join(import.meta.dirname, '..', 'claims'));
  rows.push(benchMatch('claims/', shipped, base));
  const pipeline = await benchPipeline(shipped, base, Math.min(RUNS, 20));
  const hostile = benchHostile(shipped, 5);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const at = (n: number) =>
    rows.find((r) => r.entries === n && r.catalogue.startsWith('synthetic'))?.median ?? 0;
  const ratio = at(10) > 0 ? Math.round((at(10_000) / at(10)) * 100) / 100 : 0;
  const targets = {
    under5msAt1000: at(1_000) < 5,
    ratio10kTo10: ratio,
    ratioAtMost3: ratio <= 3,
    hostileRatio: hostile.ratio,
    hostileAtMost3: hostile.ratio <= 3,
  };
  const articleKb = Math.round(Buffer.byteLength(base) / 1024);
  if (values.json) {
    console.log(
      JSON.stringify({ articleKb, runs: RUNS, rows, pipeline, hostile, maxRssMb, targets }, null, 2),
    );
    return;
  }
  console.log(
    `Article: ${articleKb} KB of ru/en/kk news text. Per row: "cold" = the first article after the index\n` +
      `is built (word memo empty); "median"/"p95" = ${RUNS} more runs on it; "new article" = median over\n` +
      `10 other articles of the same size, matched one after another.\n`,
  );
  console.log(
    'catalogue          entries   build ms  index heap MB  cold ms  median ms  p95 ms  new article  matches',
  );
  for (const r of rows) {
    console.log(
      `${r.catalogue.padEnd(18)} ${String(r.entries).padStart(7)} ${String(r.buildMs).padStart(10)} ${String(r.indexHeapMb).padStart(14)} ${String(r.coldMs).padStart(8)} ${String(r.median).padStart(10)} ${String(r.p95).padStart(7)} ${String(r.newArticle).padStart(12)} ${String(r.matches).padStart(8)}`,
    );
  }
  console.log(
    `\nOffline pipeline per page (local HTTP server, ${pipeline.htmlKb} KB HTML, ${pipeline.textChars} chars extracted, shipped catalogue):`,
  );
  console.log(
    `  fetch + parse + extract + match: median ${pipeline.perPage.median} ms, p95 ${pipeline.perPage.p95} ms`,
  );
  console.log(`  parse + extract alone:           median ${pipeline.parseExtract.median} ms`);
  console.log(`  match alone:                     median ${pipeline.match.median} ms`);
  console.log(
    `\nHostile page: one sentence repeated ("${hostile.sentence.slice(0, 60)}…"), median of 5 runs:`,
  );
  for (const r of hostile.rows) {
    console.log(`  ${r.mb} MB (${r.sentences} sentences): ${r.median} ms, ${r.matches} match(es)`);
  }
  console.log(`\nPeak memory (maxRSS): ${maxRssMb} MB`);
  console.log(
    `Target: < 5 ms at 1,000 entries: ${targets.under5msAt1000 ? 'met' : 'NOT met'} (${at(1_000)} ms)`,
  );
  console.log(
    `Target: 10,000 entries <= 3x the 10-entry time: ${targets.ratioAtMost3 ? 'met' : 'NOT met'} (${ratio}x)`,
  );
  console.log(
    `Target: 2 MB hostile page <= 3x the 1 MB one: ${targets.hostileAtMost3 ? 'met' : 'NOT met'} (${hostile.ratio}x)`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});

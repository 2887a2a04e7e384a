/**
 * The Analyzer port on a pool of worker threads (piscina), so that no page, however long or
 * repetitive, holds the event loop: Slack acks, /healthz and other messages stay responsive.
 *
 * Each step (extraction, language, matching) of an article has ANALYSIS_TIMEOUT_MS. A step over its
 * budget is aborted (piscina terminates that worker and starts a fresh one) and rejects with
 * FetchError `too_complex`, which the pipeline reports like any unreadable page.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Source } from '../sources/schema.js';
import type { Catalogue } from '../model/catalogue.js';
import type { Analyzer, Logger } from '../model/ports.js';
import type { Article, Language, Match } from '../model/types.js';
import { FetchError } from '../model/errors.js';
import type { AnalysisOutput, AnalysisTask, WorkerMessage } from './tasks.js';

export interface PoolAnalyzerOptions {
  catalogue: Catalogue;
  /** Worker threads (at least 1). */
  threads: number;
  timeoutMs: number;
  logger?: Logger;
  /** Called with the step's name whenever a step runs over its budget. */
  onTimeout?: (op: AnalysisTask['op']) => void;
  /** The listed outlets and channels, for source signals (see match/source-signal.ts). */
  sources?: ReadonlyArray<Source>;
}

export const TOO_COMPLEX_MESSAGE =
  'This page is too long or too repetitive to check in the time allowed, so it was not checked.';

/** Under tsx or vitest this module is TypeScript: its worker is too, loaded through tsx (dev-worker.mjs). */
function workerFile(): string {
  const self = import.meta.url;
  return new URL(self.endsWith('.ts') ? './dev-worker.mjs' : './worker.js', self).href;
}

export function createPoolAnalyzer(opts: PoolAnalyzerOptions): Analyzer & { pool: Piscina } {
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: opts.threads,
    maxThreads: opts.threads,
    // A thread is never idled away: building the matcher again would cost more than keeping it.
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: {
      version: opts.catalogue.version,
      entries: [...opts.catalogue.entries],
      sources: [...(opts.sources ?? [])],
    },
  });

  /**
   * The budget counts from the moment a worker starts the task (it says so on a port of its own), so
   * time spent waiting behind other pages, or for a fresh worker, is never charged to this one.
   */
  async function run(task: AnalysisTask, signal?: AbortSignal): Promise<AnalysisOutput> {
    const budget = new AbortController();
    const combined = signal ? AbortSignal.any([budget.signal, signal]) : budget.signal;
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => budget.abort(), opts.timeoutMs);
    });
    const message: WorkerMessage = { task, started: port2 };
    try {
      return (await pool.run(message, { signal: combined, transferList: [port2] })) as AnalysisOutput;
    } catch (err) {
      if (budget.signal.aborted) {
        opts.onTimeout?.(task.op);
        opts.logger?.warn({ op: task.op, timeoutMs: opts.timeoutMs }, 'analysis step over its time budget');
        throw new FetchError('too_complex', TOO_COMPLEX_MESSAGE, { cause: err });
      }
      if (signal?.aborted) throw new FetchError('timeout', 'The check was cancelled.', { cause: err });
      throw err;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    pool,
    extract: async (page, signal) => (await run({ op: 'extract', page }, signal)) as Article,
    language: async (text, signal) => (await run({ op: 'language', text }, signal)) as Language | null,
    match: async (article, signal) => (await run({ op: 'match', article }, signal)) as Match[],
    close: () => pool.destroy(),
  };
}

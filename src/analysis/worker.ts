/**
 * A worker thread of the analysis pool: builds the lexical matcher once from the catalogue it is
 * given, then runs one analysis step per task (piscina calls the default export).
 */
import { workerData } from 'node:worker_threads';
import { buildCatalogue } from '../claims/load.js';
import type { Entry } from '../model/catalogue.js';
import { createLexicalMatcher } from '../match/index.js';
import type { Source } from '../sources/schema.js';
import { type AnalysisOutput, runTask, type WorkerMessage } from './tasks.js';

interface PoolWorkerData {
  version: string;
  entries: Entry[];
  sources?: Source[];
}

const data = workerData as PoolWorkerData;
const matcher = createLexicalMatcher(
  buildCatalogue(data.entries, data.version),
  data.sources && data.sources.length > 0 ? { sources: data.sources } : {},
);

export default function analyse({ task, started }: WorkerMessage): AnalysisOutput {
  // The pool's clock for this task starts now, not while it waited in the queue.
  started.postMessage(1);
  started.close();
  return runTask(matcher, task);
}

/**
 * The analysis steps as plain data in, plain data out, so that the same code runs inline or in a
 * worker thread (every value here survives structured cloning).
 */
import type { MessagePort } from 'node:worker_threads';
import type { FetchedPage, LexicalMatcher, MatchInput } from '../model/ports.js';
import type { Article, Language, Match } from '../model/types.js';
import { detectLanguage } from '../lang/detect.js';
import { extractPage } from '../fetch/extract-page.js';

export type AnalysisTask =
  | { op: 'extract'; page: FetchedPage }
  | { op: 'language'; text: string }
  | { op: 'match'; article: MatchInput };

/** What the pool sends a worker: the task, and a port on which the worker says it has started. */
export interface WorkerMessage {
  task: AnalysisTask;
  started: MessagePort;
}

export type AnalysisOutput = Article | Language | null | Match[];

export function runTask(matcher: LexicalMatcher, task: AnalysisTask): AnalysisOutput {
  switch (task.op) {
    case 'extract':
      return extractPage(task.page);
    case 'language':
      return detectLanguage(task.text, null);
    case 'match':
      return matcher.match(task.article);
  }
}

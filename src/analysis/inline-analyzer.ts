/**
 * The Analyzer port on the calling thread: for the command line and for tests. No time budget (a
 * synchronous step cannot be interrupted); the server uses the worker pool instead.
 */
import type { Catalogue } from '../model/catalogue.js';
import type { Analyzer, LexicalMatcher } from '../model/ports.js';
import type { Article, Language, Match } from '../model/types.js';
import { createLexicalMatcher } from '../match/index.js';
import type { Source } from '../sources/schema.js';
import { runTask } from './tasks.js';

export function createInlineAnalyzer(
  catalogue: Catalogue,
  matcher?: LexicalMatcher,
  sources?: ReadonlyArray<Source>,
): Analyzer {
  const m = matcher ?? createLexicalMatcher(catalogue, sources ? { sources } : {});
  return {
    extract: async (page) => runTask(m, { op: 'extract', page }) as Article,
    language: async (text) => runTask(m, { op: 'language', text }) as Language | null,
    match: async (article) => runTask(m, { op: 'match', article }) as Match[],
    close: async () => {},
  };
}

/**
 * The real check service (link extraction, normalization, the lexical matcher, compose-reply) with
 * only the article fetcher faked, for adapter tests that run the whole pipeline.
 */
import type { Catalogue } from '../../src/model/catalogue.js';
import { createCheckService } from '../../src/pipeline/check-service.js';
import type { ArticleFetcher } from '../../src/model/ports.js';
import type { Article } from '../../src/model/types.js';
import { FetchError } from '../../src/model/errors.js';
import { silentLogger } from '../../src/logger.js';
import { createInlineAnalyzer } from '../../src/analysis/inline-analyzer.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { testArticle } from './articles.js';

export interface RealCheckService {
  service: ReturnType<typeof createCheckService>;
  /** Every URL the fetcher was asked for, in order. */
  fetched: string[];
}

/**
 * `pages` maps a URL to the text of its article (any other URL fails as a 404); `article` sets the
 * other fields of the articles returned; `cacheTtlMs` is the service's result cache.
 */
export function realCheckService(
  catalogue: Catalogue,
  pages: Record<string, string>,
  opts: { cacheTtlMs: number; article?: Partial<Article> },
): RealCheckService {
  const fetched: string[] = [];
  const fetcher: ArticleFetcher = {
    async fetchArticle(url) {
      fetched.push(url);
      const text = pages[url];
      if (text === undefined) throw new FetchError('not_found', 'The page was not found (HTTP 404).');
      return testArticle(text, { ...opts.article, url });
    },
  };
  const service = createCheckService({
    catalogue,
    analyzer: createInlineAnalyzer(catalogue),
    fetcher,
    classifier: null,
    store: new MemoryStore(),
    logger: silentLogger,
    settings: { alertThreshold: 0.5, maxLinksPerMessage: 5, cacheTtlMs: opts.cacheTtlMs, llmLabel: null },
  });
  return { service, fetched };
}

/**
 * The one check service of the adapter tests: the REAL createCheckService (link extraction and
 * normalization, per-message cap, alert rule, reply composition) with scripted pages at its
 * ports: a fetcher that returns (or fails with) what each URL's script says, and an analyzer whose
 * matches are the script's. It records every link set it was asked to check.
 */
import type { Catalogue } from '../../src/model/catalogue.js';
import { createCheckService } from '../../src/pipeline/check-service.js';
import type { CheckService } from '../../src/model/check-service.js';
import type { Analyzer, ArticleFetcher, KeyValueStore } from '../../src/model/ports.js';
import type { Article, CheckError, Match } from '../../src/model/types.js';
import { FetchError } from '../../src/model/errors.js';
import { extractLinks } from '../../src/links/extract-links.js';
import { silentLogger } from '../../src/logger.js';

export interface Script {
  title?: string;
  matches?: Match[];
  error?: CheckError;
  /** Throw an unexpected error while reading (a bug in the pipeline). */
  throws?: boolean;
}

export interface ScriptedService extends CheckService {
  /** Every URL read, in order. */
  readonly urls: string[];
  /** The links of every check (a message's, a command's), in order. */
  readonly checks: string[][];
  /** Makes the next check throw (to test the error boundaries). */
  failNext: boolean;
}

/** Results are never cached here, so every check reads its links again. */
const noCache: KeyValueStore = {
  get: async () => undefined,
  set: async () => {},
  setIfAbsent: async () => true,
  delete: async () => {},
  close: async () => {},
};

export function scriptedService(
  catalogue: Catalogue,
  scripts: Record<string, Script>,
  opts: { maxLinks?: number; alertThreshold?: number } = {},
): ScriptedService {
  const urls: string[] = [];
  const checks: string[][] = [];
  const scriptOf = (url: string | null): Script =>
    (url ? scripts[url] : undefined) ?? { title: 'Some page', matches: [] };
  const fetcher: ArticleFetcher = {
    async fetchArticle(url) {
      urls.push(url);
      const s = scriptOf(url);
      if (s.throws) throw new Error('pipeline bug with a stack');
      if (s.error) throw new FetchError(s.error.code, s.error.message);
      const article: Article = {
        url,
        canonicalUrl: null,
        title: s.title ?? null,
        byline: null,
        siteName: null,
        publishedAt: null,
        language: 'en',
        // The analyzer finds the script by the page's text: the address itself.
        text: url,
        source: 'html',
      };
      return article;
    },
  };
  const analyzer: Analyzer = {
    extract: async () => {
      throw new Error('not used: the scripted fetcher returns articles');
    },
    language: async () => 'en',
    match: async (article) => scriptOf(article.text).matches ?? [],
    close: async () => {},
  };
  const real = createCheckService({
    catalogue,
    analyzer,
    fetcher,
    classifier: null,
    store: noCache,
    logger: silentLogger,
    settings: {
      alertThreshold: opts.alertThreshold ?? 0.5,
      maxLinksPerMessage: opts.maxLinks ?? 5,
      cacheTtlMs: 0,
      llmLabel: null,
    },
  });
  const svc: ScriptedService = {
    ...real,
    urls,
    checks,
    failNext: false,
    async checkLinks(links, o) {
      checks.push([...links]);
      if (svc.failNext) {
        svc.failNext = false;
        throw new Error('boom: internal failure with a stack');
      }
      return real.checkLinks(links, o);
    },
    async checkMessage(msg, o) {
      const { links, skipped } = extractLinks(msg.text, msg.extraLinks, real.maxLinksPerMessage);
      return { details: await svc.checkLinks(links, o), skipped };
    },
  };
  return svc;
}

/**
 * The pipeline: link → cache → fetch → lexical match → (LLM) → result. Platform-neutral; every
 * dependency injected. A failing dependency degrades the result (with a note), never throws.
 */
import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { Catalogue } from '../model/catalogue.js';
import { lookupEntries } from '../claims/lookup.js';
import { mergeFindings } from '../classify/merge.js';
import { FetchError } from '../model/errors.js';
import { extractLinks } from '../links/extract-links.js';
import { normalizeUrl } from '../links/normalize-url.js';
import { isAlert } from '../model/alert.js';
import { composeReply } from './compose-reply.js';
import type { ReplyLang } from './entry-card.js';
import type { Reply } from '../model/reply.js';
import type { CheckOptions, CheckService, MessageCheck } from '../model/check-service.js';
import type { Admission } from '../analysis/admission.js';
import type { Analyzer, ArticleFetcher, Classifier, KeyValueStore, Logger } from '../model/ports.js';
import type { Article, ChatMessage, CheckDetails, CheckError, Match } from '../model/types.js';

export interface CheckServiceDeps {
  catalogue: Catalogue;
  /** Extraction, language and lexical matching: a worker pool in the server, inline elsewhere. */
  analyzer: Analyzer;
  fetcher: ArticleFetcher;
  /** Bounds the checks in flight; every check waits for a place (the HTTP API refuses earlier). */
  admission?: Admission;
  /** null when no LLM is configured. */
  classifier: Classifier | null;
  store: KeyValueStore;
  logger: Logger;
  settings: {
    alertThreshold: number;
    maxLinksPerMessage: number;
    cacheTtlMs: number;
    llmLabel: string | null;
  };
  /** Told of every result cache lookup (metrics). */
  onCacheLookup?: (hit: boolean) => void;
}

const CACHE_FORMAT = 'v1';
export const LLM_UNAVAILABLE_NOTE = 'The AI classifier was unavailable, so this is lexical matching only.';

/** A result for an input that could not be processed, with its code and a sentence for a person. */
export function errorDetails(input: string, url: string | null, error: CheckError): CheckDetails {
  return {
    result: { input, url, title: null, language: null, status: 'error', error, alert: false, matches: [] },
    article: null,
    notes: [],
    possiblyNewNarrative: null,
    llm: null,
  };
}

/** The article without its text: what a cached result keeps. */
function articleMeta(a: Article): Article {
  return { ...a, text: '' };
}

export function createCheckService(deps: CheckServiceDeps): CheckService {
  const { catalogue, analyzer, fetcher, classifier, store, logger, settings, admission } = deps;

  /** Runs one check inside an admitted place (waiting for one when all are taken). */
  async function admitted<T>(work: () => Promise<T>): Promise<T> {
    if (!admission) return work();
    const release = await admission.enter();
    try {
      return await work();
    } finally {
      release();
    }
  }
  const mode = (opts?: CheckOptions): string =>
    classifier && !opts?.offline && settings.llmLabel ? `llm:${settings.llmLabel}` : 'lexical';

  /** A cached result, with this request's input and the alert recomputed at today's threshold. */
  function fromCache(cached: CheckDetails, input: string): CheckDetails {
    const alert = isAlert(cached.result.matches, settings.alertThreshold);
    return { ...cached, result: { ...cached.result, input, alert } };
  }

  async function analyze(article: Article, input: string, opts?: CheckOptions): Promise<CheckDetails> {
    let lexical: Match[];
    try {
      lexical = await analyzer.match(article, opts?.signal);
    } catch (err) {
      if (err instanceof FetchError) {
        return { ...errorDetails(input, article.url, { code: err.code, message: err.message }), article };
      }
      throw err;
    }
    let matches: Match[] = lexical;
    const notes: string[] = [];
    let llm: CheckDetails['llm'] = null;
    let possiblyNewNarrative: string | null = null;
    if (classifier && !opts?.offline) {
      try {
        const res = await classifier.classify({
          article,
          lexical,
          catalogue,
          ...(opts?.signal ? { signal: opts.signal } : {}),
        });
        matches = mergeFindings(lexical, res.matches);
        possiblyNewNarrative = res.possiblyNewNarrative;
        llm = {
          model: res.model,
          promptVersion: res.promptVersion,
          inputTokens: res.inputTokens,
          outputTokens: res.outputTokens,
          cached: res.cached,
        };
        logger.info(
          {
            input,
            model: res.model,
            tokensIn: res.inputTokens,
            tokensOut: res.outputTokens,
            cached: res.cached,
          },
          'llm classified',
        );
      } catch (err) {
        logger.warn(
          { input, err: err instanceof Error ? err.message : String(err) },
          'llm unavailable; lexical only',
        );
        notes.push(LLM_UNAVAILABLE_NOTE);
      }
    }
    return {
      result: {
        input,
        url: article.url,
        title: article.title,
        language: article.language,
        status: 'ok',
        error: null,
        alert: isAlert(matches, settings.alertThreshold),
        matches,
      },
      article,
      notes,
      possiblyNewNarrative,
      llm,
    };
  }

  /** Results are reused for the same input, catalogue version and LLM mode. */
  const cacheKey = (opts: CheckOptions | undefined, what: string): string =>
    `check:${CACHE_FORMAT}:${catalogue.version}:${mode(opts)}:${what}`;

  async function analyzeAndCache(
    key: string,
    article: Article,
    input: string,
    opts?: CheckOptions,
  ): Promise<CheckDetails> {
    const details = await analyze(article, input, opts);
    // A result that fell back to lexical because the LLM failed is not cached: the next try may do better.
    // Nor is a page that could not be analysed in time: a quieter machine may manage it.
    if (details.notes.length === 0 && details.result.status === 'ok') {
      await store.set(key, { ...details, article: articleMeta(article) }, settings.cacheTtlMs || undefined);
    }
    return details;
  }

  async function checkUrl(input: string, opts?: CheckOptions): Promise<CheckDetails> {
    const url = normalizeUrl(input.trim());
    if (!url) {
      return errorDetails(input, null, {
        code: 'invalid_input',
        message: 'This is not a web address I can read (only http and https links).',
      });
    }
    const key = cacheKey(opts, url);
    const cached = await store.get<CheckDetails>(key);
    deps.onCacheLookup?.(cached !== undefined);
    if (cached) return fromCache(cached, input);
    return admitted(() => fetchAndAnalyze(key, url, input, opts));
  }

  async function fetchAndAnalyze(
    key: string,
    url: string,
    input: string,
    opts?: CheckOptions,
  ): Promise<CheckDetails> {
    let article: Article;
    try {
      article = await fetcher.fetchArticle(url, opts?.signal);
    } catch (err) {
      if (err instanceof FetchError) {
        // `url` is the address that was read: none when the input was refused before any request.
        const fetched = err.code === 'blocked_address' || err.code === 'invalid_input' ? null : url;
        return errorDetails(input, fetched, { code: err.code, message: err.message });
      }
      logger.error(
        { input: url, err: err instanceof Error ? err.stack : String(err) },
        'unexpected fetch failure',
      );
      return errorDetails(input, url, {
        code: 'unreadable',
        message: 'Something went wrong while reading this page.',
      });
    }
    return analyzeAndCache(key, article, input, opts);
  }

  async function checkText(
    text: string,
    input: string,
    opts?: CheckOptions & { title?: string | null },
  ): Promise<CheckDetails> {
    if (!text.trim())
      return errorDetails(input, null, { code: 'invalid_input', message: 'There is no text to check.' });
    // The title is part of what is judged (a debunk headline changes the stance): it keys the cache too.
    const hash = createHash('sha256')
      .update(opts?.title ?? '')
      .update('\0')
      .update(text)
      .digest('hex')
      .slice(0, 32);
    const key = cacheKey(opts, `text:${hash}`);
    const cached = await store.get<CheckDetails>(key);
    deps.onCacheLookup?.(cached !== undefined);
    if (cached)
      return {
        ...fromCache(cached, input),
        article: textArticle(text, opts?.title ?? null, cached.result.language),
      };
    return admitted(async () => {
      let language: Article['language'];
      try {
        language = await analyzer.language(text, opts?.signal);
      } catch (err) {
        if (err instanceof FetchError)
          return errorDetails(input, null, { code: err.code, message: err.message });
        throw err;
      }
      return analyzeAndCache(key, textArticle(text, opts?.title ?? null, language), input, opts);
    });
  }

  function textArticle(text: string, title: string | null, language: Article['language']): Article {
    return {
      url: null,
      canonicalUrl: null,
      title,
      byline: null,
      siteName: null,
      publishedAt: null,
      language,
      text,
      source: 'text',
    };
  }

  async function checkLinks(links: readonly string[], opts?: CheckOptions): Promise<CheckDetails[]> {
    const limit = pLimit(3);
    return Promise.all(links.map((l) => limit(() => checkUrl(l, opts))));
  }

  async function checkMessage(msg: ChatMessage, opts?: CheckOptions): Promise<MessageCheck> {
    const { links, skipped } = extractLinks(msg.text, msg.extraLinks, settings.maxLinksPerMessage);
    return { details: await checkLinks(links, opts), skipped };
  }

  function compose(details: CheckDetails[], opts: { skipped: number; lang?: ReplyLang }): Reply {
    return composeReply(details, {
      catalogue,
      alertThreshold: settings.alertThreshold,
      skipped: opts.skipped,
      ...(opts.lang ? { lang: opts.lang } : {}),
    });
  }

  return {
    catalogue: () => catalogue,
    checkUrl,
    checkText,
    checkMessage,
    checkLinks,
    compose,
    maxLinksPerMessage: settings.maxLinksPerMessage,
    lookup: (query, limit) => lookupEntries(catalogue, query, limit),
    entry: (id) => catalogue.byId.get(id),
  };
}

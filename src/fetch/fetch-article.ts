/**
 * createArticleFetcher: the ArticleFetcher port. A Telegram post link is read through the post's
 * public web preview; any other link through the SSRF-safe fetcher, then extraction. Every failure is
 * a FetchError with a contract code and one sentence for a person.
 */
import type { Config } from '../model/config.js';
import type { ArticleFetcher, FetchedPage, Logger } from '../model/ports.js';
import type { Article } from '../model/types.js';
import { extractPage } from './extract-page.js';
import { fail } from './fetch-errors.js';
import type { Resolver } from './hop-policy.js';
import { createSafeFetch } from './safe-fetch.js';
import { parseTelegramUrl, telegramEmbedUrl } from '../links/telegram-url.js';

export interface ArticleFetcherDeps {
  /** DNS resolution (tests map names to addresses); the system resolver by default. */
  resolve?: Resolver;
  logger?: Logger;
  /** Where Telegram post previews are fetched from; https://t.me unless a test points it elsewhere. */
  telegramBaseUrl?: string;
  /**
   * Turns a fetched page into an Article. The server passes the analysis pool's (worker threads,
   * time budget); by default extraction runs here, on the calling thread.
   */
  extract?: (page: FetchedPage, signal?: AbortSignal) => Promise<Article>;
}

const extractHere = async (page: FetchedPage): Promise<Article> => extractPage(page);

export function createArticleFetcher(opts: Config['fetch'], deps: ArticleFetcherDeps = {}): ArticleFetcher {
  const safeFetch = createSafeFetch(opts, {
    ...(deps.resolve ? { resolve: deps.resolve } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const telegramBase = deps.telegramBaseUrl ?? 'https://t.me';
  const extract = deps.extract ?? extractHere;

  async function fetchTelegram(channel: string, id: string, signal?: AbortSignal): Promise<Article> {
    const page = await safeFetch(telegramEmbedUrl(channel, id, telegramBase), signal);
    if (page.kind !== 'html') throw fail.telegramNoPreview();
    return extract({ kind: 'telegram', text: page.text, channel, id }, signal);
  }

  return {
    async fetchArticle(url: string, signal?: AbortSignal): Promise<Article> {
      const telegram = parseTelegramUrl(url);
      if (telegram?.kind === 'private') throw fail.telegramPrivate();
      if (telegram?.kind === 'post') return fetchTelegram(telegram.channel, telegram.id, signal);
      const page = await safeFetch(url, signal);
      // A short link that lands on a Telegram post: read the post's preview, not the app's landing page.
      const landed = parseTelegramUrl(page.url);
      if (landed?.kind === 'post') return fetchTelegram(landed.channel, landed.id, signal);
      const article = await extract(
        { kind: page.kind === 'text' ? 'text' : 'html', text: page.text, url: page.url },
        signal,
      );
      deps.logger?.debug(
        {
          host: new URL(page.url).host,
          redirects: page.redirects,
          charset: page.charset,
          chars: article.text.length,
        },
        'article read',
      );
      return article;
    },
  };
}

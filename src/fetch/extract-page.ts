/** A fetched page (HTML, plain text or a Telegram post preview) into an Article. Synchronous, CPU-bound. */
import type { FetchedPage } from '../model/ports.js';
import type { Article } from '../model/types.js';
import { articleFromText, extractArticle } from './extract-article.js';
import { extractTelegramPost } from './telegram-post.js';

export function extractPage(page: FetchedPage): Article {
  if (page.kind === 'telegram') return extractTelegramPost(page.text, page.channel, page.id);
  return page.kind === 'text' ? articleFromText(page.text, page.url) : extractArticle(page.text, page.url);
}

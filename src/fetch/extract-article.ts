/**
 * extractArticle: HTML → Article. Metadata first (page-metadata.ts), then signals for pages that are
 * not articles (page-checks.ts), then the DOM is cleaned of navigation, sidebars, related blocks and
 * comments (clean-dom.ts) and @mozilla/readability (on linkedom) picks the main text. When there is no
 * article body, the page's own description stands in (metadata fallback). Throws FetchError for login
 * walls, paywall stubs, anti-bot challenges, cookie walls, soft 404s and empty pages.
 */
import { Readability } from '@mozilla/readability';
import type { Article } from '../model/types.js';
import { cleanDocument } from './clean-dom.js';
import { detectLanguage } from '../lang/detect.js';
import { type DomDocument, type DomElement, parseDocument } from './dom.js';
import { textOfDom } from './dom-text.js';
import { fail } from './fetch-errors.js';
import { collectSignals, MIN_TEXT, rejectNonArticle } from './page-checks.js';
import { isoDate, readMetadata } from './page-metadata.js';

/** Documents past this size are cut before parsing; the fetcher's byte limit normally stops them first. */
const MAX_HTML = 8 * 1024 * 1024;
/**
 * Readability's cost grows with text × nesting depth; past this budget (a pathological page, e.g. a
 * megabyte of text under a hundred nested wrappers, which would block the process for many seconds)
 * the article container's cleaned text is used instead. Ordinary pages are far below it.
 */
const READABILITY_BUDGET = 60_000_000;
const MAX_ELEMENTS = 30_000;
/** Readability slows down sharply on very deep trees; real article pages are far shallower. */
const MAX_DEPTH = 100;

interface Readable {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  text: string;
}

function clean(v: string | null | undefined): string | null {
  const t = v?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

function runReadability(doc: DomDocument): Readable | null {
  try {
    const reader = new Readability<DomElement>(doc, {
      charThreshold: 300,
      serializer: (node) => node,
    });
    const r = reader.parse();
    if (!r) return null;
    return {
      title: clean(r.title),
      byline: clean(r.byline),
      siteName: clean(r.siteName),
      lang: clean(r.lang),
      publishedTime: clean(r.publishedTime),
      text: r.content ? textOfDom(r.content) : '',
    };
  } catch {
    // Readability can trip on odd markup; the cleaned body text is the fallback.
    return null;
  }
}

function hostName(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.hostname.endsWith('.invalid') || u.hostname === '') return null;
    return u.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function extractArticle(html: string, url: string): Article {
  const source = html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html;
  const doc = parseDocument(source);
  const meta = readMetadata(doc, url);
  const signals = collectSignals(doc, source, meta.titleTag);
  const size = cleanDocument(doc);
  const container =
    doc.querySelector('[itemprop="articleBody"]') ??
    doc.querySelector('article') ??
    doc.querySelector('main') ??
    doc.body;
  const bodyText = container ? textOfDom(container) : '';
  const affordable =
    size.maxDepth <= MAX_DEPTH &&
    size.maxDepth * size.text <= READABILITY_BUDGET &&
    size.count <= MAX_ELEMENTS;
  const readable = affordable ? runReadability(doc) : null;
  const readableText = readable?.text ?? '';
  let text = readableText.length >= MIN_TEXT ? readableText : bodyText;

  rejectNonArticle(signals, meta, text);

  if (text.length < MIN_TEXT) {
    const description = clean(meta.description);
    if (description === null || description.length < MIN_TEXT) throw fail.empty();
    text = description;
  }
  const title = meta.title ?? readable?.title ?? meta.titleTag ?? signals.h1;
  return {
    url,
    canonicalUrl: meta.canonicalUrl,
    title: clean(title),
    byline: meta.byline ?? readable?.byline ?? null,
    siteName: meta.siteName ?? readable?.siteName ?? hostName(url),
    publishedAt: meta.publishedAt ?? isoDate(readable?.publishedTime ?? null),
    language: detectLanguage(`${title ?? ''}\n${text}`, meta.declaredLanguage ?? readable?.lang ?? null),
    text,
    source: 'html',
  };
}

/** A plain-text page as an Article: the first line is the title when it looks like one. */
export function articleFromText(text: string, url: string): Article {
  const body = text.replace(/\r\n?/g, '\n').trim();
  if (body.length < MIN_TEXT) throw fail.empty();
  const first = body.split('\n', 1)[0]?.trim() ?? '';
  return {
    url,
    canonicalUrl: null,
    title: first.length > 0 && first.length <= 200 ? first : null,
    byline: null,
    siteName: hostName(url),
    publishedAt: null,
    language: detectLanguage(body, null),
    text: body.replace(/\n{3,}/g, '\n\n'),
    source: 'html',
  };
}

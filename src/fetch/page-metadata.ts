/**
 * What a page says about itself: title, byline, site name, published date, canonical URL (link
 * rel=canonical, og:url; an AMP page links to its canonical page), description, declared language.
 * Read from Open Graph, standard meta tags, JSON-LD and <time datetime>, before extraction changes
 * the DOM.
 */
import { normalizeUrl } from '../links/normalize-url.js';
import { attr, type DomDocument, textOf } from './dom.js';
import { type JsonLdArticle, readJsonLd } from './json-ld.js';

export interface PageMetadata {
  /** The title the page declares for sharing (og:title, twitter:title, JSON-LD headline). */
  title: string | null;
  /** The <title> element, which often carries the site name too. */
  titleTag: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  description: string | null;
  /** html lang, Content-Language or og:locale, as written. */
  declaredLanguage: string | null;
  jsonLd: JsonLdArticle | null;
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const v =
      attr(doc, `meta[property="${key}"]`, 'content') ??
      attr(doc, `meta[name="${key}"]`, 'content') ??
      attr(doc, `meta[itemprop="${key}"]`, 'content');
    if (v) return v.replace(/\s+/g, ' ');
  }
  return null;
}

/** An ISO 8601 date as written when it is one, else the parsed date in ISO form, else null. */
export function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  const v = raw.trim();
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  return iso.test(v) ? v.replace(' ', 'T') : new Date(t).toISOString();
}

function absolute(raw: string | null, base: string): string | null {
  if (!raw) return null;
  try {
    return normalizeUrl(new URL(raw, base).href);
  } catch {
    return null;
  }
}

export function readMetadata(doc: DomDocument, url: string): PageMetadata {
  const ld = readJsonLd(doc);
  const titleTag = textOf(doc.querySelector('head > title') ?? doc.querySelector('title'));
  const title = meta(doc, 'og:title', 'twitter:title') ?? ld?.headline ?? null;
  const byline =
    ld?.author ??
    meta(doc, 'author', 'article:author', 'byl', 'sailthru.author') ??
    textOf(doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author-name'));
  const published =
    meta(
      doc,
      'article:published_time',
      'og:published_time',
      'datePublished',
      'pubdate',
      'publish-date',
      'date',
    ) ??
    ld?.datePublished ??
    attr(
      doc,
      'article time[datetime], time[itemprop="datePublished"], time[pubdate], time[datetime]',
      'datetime',
    );
  const canonical =
    absolute(attr(doc, 'link[rel="canonical"]', 'href'), url) ??
    absolute(meta(doc, 'og:url'), url) ??
    absolute(ld?.url ?? null, url);
  return {
    title: title ? title.slice(0, 500) : null,
    titleTag: titleTag ? titleTag.slice(0, 500) : null,
    byline: byline ? byline.slice(0, 200) : null,
    siteName: meta(doc, 'og:site_name', 'application-name') ?? ld?.publisher ?? null,
    publishedAt: isoDate(published),
    canonicalUrl: canonical,
    description: meta(doc, 'og:description', 'description', 'twitter:description'),
    declaredLanguage:
      doc.documentElement?.getAttribute('lang')?.trim() ||
      attr(doc, 'meta[http-equiv="content-language" i]', 'content') ||
      meta(doc, 'og:locale') ||
      null,
    jsonLd: ld,
  };
}

/**
 * The article facts a page declares in JSON-LD (schema.org NewsArticle and friends). The scripts are
 * page content: parsed defensively, every field checked, nothing cast.
 */
import { all, type DomDocument } from './dom.js';

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  /** false when the page says the article is not free (a paywall). */
  isAccessibleForFree: boolean | null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|WebPage|ReviewNewsArticle|BackgroundNewsArticle)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return null;
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => n !== null);
    return names.length ? names.join(', ') : null;
  }
  return isRecord(v) ? str(v.name) : null;
}

function types(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function free(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string')
    return v.toLowerCase() === 'true' ? true : v.toLowerCase() === 'false' ? false : null;
  return null;
}

function nodes(data: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 4 || out.length > 50) return;
  if (Array.isArray(data)) {
    for (const d of data) nodes(d, out, depth + 1);
  } else if (isRecord(data)) {
    out.push(data);
    if (data['@graph'] !== undefined) nodes(data['@graph'], out, depth + 1);
  }
}

function score(node: Record<string, unknown>): number {
  const t = types(node);
  if (t.some((x) => x !== 'WebPage' && ARTICLE_TYPES.test(x))) return 2;
  return t.includes('WebPage') ? 1 : 0;
}

export function readJsonLd(doc: DomDocument): JsonLdArticle | null {
  const found: Record<string, unknown>[] = [];
  for (const script of all(doc, 'script[type="application/ld+json"]').slice(0, 20)) {
    const raw = script.textContent ?? '';
    if (raw.length > 500_000) continue;
    try {
      nodes(JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, '')), found, 0);
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  const best = found.filter((n) => score(n) > 0).sort((a, b) => score(b) - score(a))[0];
  if (best === undefined) return null;
  const mainEntity = isRecord(best.mainEntityOfPage)
    ? str(best.mainEntityOfPage['@id'])
    : str(best.mainEntityOfPage);
  return {
    headline: str(best.headline) ?? str(best.name),
    datePublished: str(best.datePublished) ?? str(best.dateCreated),
    author: nameOf(best.author),
    publisher: nameOf(best.publisher),
    url: str(best.url) ?? mainEntity,
    isAccessibleForFree: free(best.isAccessibleForFree),
  };
}

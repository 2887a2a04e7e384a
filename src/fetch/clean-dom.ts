/**
 * Removes what is not the article before extraction: navigation, sidebars, "related"/"most read"
 * blocks, comments, cookie banners, share bars, ads, site headers and footers. An element is never
 * removed when it holds the article itself (an <article>, <main>, articleBody, or most of the page's
 * paragraph text), so a wrapper with an unlucky class name ("content-with-sidebar") survives.
 */
import { all, type DomDocument, type DomElement } from './dom.js';
import { type DomStats, isArticleContainer, measureDom } from './dom-stats.js';

const ALWAYS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'button',
  'select',
  'textarea',
  'dialog',
  'amp-sidebar',
  'amp-ad',
  'amp-analytics',
  'amp-consent',
  'amp-user-notification',
  'amp-social-share',
  'nav',
  'aside',
  'menu',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[hidden]',
].join(',');

const BOILERPLATE =
  /(?:^|[\s_-])(sidebar|side-bar|sidebox|aside|related|relatedposts|recommend\w*|comments?|commentlist|disqus|discussion|popular|mostread|most-read|most-popular|trending|top-news|newsfeed|news-feed|lenta|read-also|readalso|see-also|also|more-news|more-stories|newsletter|subscribe|subscription|share|sharing|social|promo|advert\w*|ads?|adv|banner|breadcrumbs?|cookies?|cookie-\w+|consent|gdpr|cmp|modal|popup|overlay|menu|navbar|navigation|widgets?|tags|tag-list|author-bio|footer|site-header|masthead|paywall|teaser-list)(?:$|[\s_-])/i;

function holdsArticle(el: DomElement, stats: DomStats): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || isArticleContainer(el)) return true;
  const own = stats.elements.get(el);
  if (own === undefined) return false;
  return own.containsArticle || (stats.text > 0 && own.text > stats.text * 0.5);
}

function boilerplateName(el: DomElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names.trim() !== '' && BOILERPLATE.test(names);
}

/** Removes boilerplate in place; returns the size of the page before boilerplate removal. */
export function cleanDocument(doc: DomDocument): Pick<DomStats, 'maxDepth' | 'count' | 'text'> {
  for (const el of all(doc, ALWAYS)) el.remove();
  const body = doc.body;
  if (body === null) return { maxDepth: 0, count: 0, text: 0 };
  const stats = measureDom(body);
  // A page header/footer outside the article is site chrome; inside an article it may hold the byline.
  for (const el of all(body, 'header, footer')) {
    if (el.closest('article, main') === null && !holdsArticle(el, stats)) el.remove();
  }
  for (const el of all(body, '[class], [id]')) {
    if (boilerplateName(el) && !holdsArticle(el, stats)) el.remove();
  }
  return { maxDepth: stats.maxDepth, count: stats.count, text: stats.text };
}

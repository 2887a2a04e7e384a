/**
 * extractArticle on HTML strings: text shape, metadata sources, and — as hard as the walls
 * themselves — ordinary articles that carry wall-like parts (a cookie banner, a hidden login form,
 * a newsletter box, a headline with "not found") and must still be read.
 */
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/model/errors.js';
import { articleFromText, extractArticle } from '../../src/fetch/extract-article.js';

const P = (text: string) => `<p>${text}</p>`;
const BODY = [
  'The regional council met on Monday to discuss the new water supply plan for the northern districts.',
  'Engineers presented three options, the cheapest of which would replace the old pipes within four years.',
  'Residents who attended the meeting asked for a public timetable and for regular reports on the work.',
  'The council will vote on the plan next month after a second round of consultations with the districts.',
  'Funding will come from the regional budget and from a loan that the council expects to sign in the autumn.',
  'Officials said that water would not be cut off for more than a day at a time while the pipes are replaced.',
]
  .map(P)
  .join('\n');

function page(head: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof FetchError ? err.code : 'not a FetchError';
  }
}

describe('extractArticle: text', () => {
  it('separates paragraphs with blank lines and collapses whitespace inside them', () => {
    const a = extractArticle(
      page('<title>Water plan</title>', `<article><h1>Water plan</h1>\n${BODY}</article>`),
      'https://news.example/a',
    );
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs).toContain(
      'The regional council met on Monday to discuss the new water supply plan for the northern districts.',
    );
    expect(a.text).not.toMatch(/\n{3,}|[ \t]{2,}/);
  });

  it('reads a fragment without <html> or <body>', () => {
    const a = extractArticle(BODY, 'https://news.example/fragment');
    expect(a.text).toContain('Engineers presented three options');
    expect(a.language).toBe('en');
  });

  it('leaves out nav, header, footer, share bars, scripts and styles', () => {
    const html = page(
      '<title>Water plan - Daily</title><style>p{color:red}</style>',
      '<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>' +
        `<main><article>${BODY}<div class="share-buttons">Share on Facebook</div></article></main>` +
        '<footer>Copyright Daily</footer><script>var secret = "tracking";</script>',
    );
    const a = extractArticle(html, 'https://news.example/a');
    for (const chrome of ['Home', 'World', 'Share on Facebook', 'Copyright', 'tracking', 'color:red'])
      expect(a.text).not.toContain(chrome);
  });
});

describe('extractArticle: metadata', () => {
  it('reads JSON-LD inside an @graph, and resolves a relative canonical link', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Daily' },
        {
          '@type': ['NewsArticle'],
          headline: 'Water plan debated',
          datePublished: '2024-02-03T10:00:00+06:00',
          author: [{ name: 'A. One' }, { name: 'B. Two' }],
          publisher: { name: 'The Daily' },
        },
      ],
    });
    const html = page(
      `<title>x</title><link rel="canonical" href="/news/water-plan#top"><script type="application/ld+json">${ld}</script>`,
      `<article>${BODY}</article>`,
    );
    const a = extractArticle(html, 'https://news.example/amp/water-plan?utm_source=x');
    expect(a).toMatchObject({
      title: 'Water plan debated',
      byline: 'A. One, B. Two',
      siteName: 'The Daily',
      publishedAt: '2024-02-03T10:00:00+06:00',
      canonicalUrl: 'https://news.example/news/water-plan',
    });
  });

  it('survives broken JSON-LD and finds the date in <time datetime>', () => {
    const html = page(
      '<title>Water plan | Daily</title><script type="application/ld+json">{ not json</script>',
      `<article><time datetime="2024-03-01">1 March</time>${BODY}</article>`,
    );
    const a = extractArticle(html, 'https://www.news.example/a');
    expect(a.publishedAt).toBe('2024-03-01');
    expect(a.siteName).toBe('news.example');
  });

  it('ignores dates that are not dates', () => {
    const html = page(
      '<meta property="article:published_time" content="yesterday-ish">',
      `<article>${BODY}</article>`,
    );
    expect(extractArticle(html, 'https://news.example/a').publishedAt).toBeNull();
  });
});

describe('extractArticle: ordinary articles with wall-like parts are still read', () => {
  it('an article with a cookie banner', () => {
    const html = page(
      '<title>Water plan</title>',
      `<div class="cookie-banner">We use cookies. <a href="#">Accept all cookies</a></div><article>${BODY}</article>`,
    );
    const a = extractArticle(html, 'https://news.example/a');
    expect(a.text).toContain('regional council');
    expect(a.text).not.toContain('We use cookies');
  });

  it('an article with a hidden login form in a modal', () => {
    const html = page(
      '<title>Water plan</title>',
      `<article>${BODY}</article><div class="modal" hidden><form><input type="text" name="u"><input type="password" name="p"></form></div>`,
    );
    expect(code(() => extractArticle(html, 'https://news.example/a'))).toBeNull();
  });

  it('an article with a newsletter box that mentions subscribers', () => {
    const html = page(
      '<title>Water plan</title>',
      `<div class="top-bar">Already a subscriber? <a href="/login">Log in</a></div><article>${BODY}</article>` +
        '<div class="newsletter">Subscribe to our newsletter: the week in five stories.</div>',
    );
    expect(code(() => extractArticle(html, 'https://news.example/a'))).toBeNull();
  });

  it('an article whose headline says something was not found', () => {
    const html = page(
      '<title>Missing hiker not found after three days - Daily</title>',
      `<article><h1>Missing hiker not found after three days</h1>${BODY}</article>`,
    );
    expect(extractArticle(html, 'https://news.example/a').title).toBe(
      'Missing hiker not found after three days',
    );
  });

  it('an article on a site that loads the Cloudflare challenge-platform script on every page', () => {
    const html = page(
      '<title>Water plan</title><script src="/cdn-cgi/challenge-platform/h/b/scripts/jsd/main.js"></script>',
      `<article>${BODY}</article>`,
    );
    expect(code(() => extractArticle(html, 'https://news.example/a'))).toBeNull();
  });
});

describe('extractArticle: pages that are not articles', () => {
  it.each([
    [
      'a Russian soft 404 title',
      page('<title>Страница не найдена</title>', '<h1>Страница не найдена</h1><p>Проверьте адрес.</p>', 'ru'),
      'not_found',
    ],
    [
      'a "404 Not Found" heading',
      page('<title>Daily</title>', '<h1>404 Not Found</h1><p>Sorry.</p>'),
      'not_found',
    ],
    ['a Kazakh soft 404', page('<title>Бет табылмады</title>', '<p>Кешіріңіз.</p>', 'kk'), 'not_found'],
    [
      'a sign-in page',
      page('<title>Sign in</title>', '<form><input name="u"><input type="password" name="p"></form>'),
      'unreadable',
    ],
    ['an empty body', page('<title>Loading</title>', '<div id="root"></div>'), 'unreadable'],
    ['only whitespace', '   ', 'unreadable'],
  ])('%s', (_name, html, expected) => {
    expect(code(() => extractArticle(html, 'https://news.example/a'))).toBe(expected);
  });
});

describe('articleFromText', () => {
  it('takes the first line as the title and keeps paragraphs', () => {
    const a = articleFromText(
      'Headline here\r\n\r\n\r\n\r\nFirst paragraph of the plain text page, long enough.',
      'https://news.example/t.txt',
    );
    expect(a).toMatchObject({
      title: 'Headline here',
      text: 'Headline here\n\nFirst paragraph of the plain text page, long enough.',
      siteName: 'news.example',
    });
  });

  it('refuses an almost empty text', () => {
    expect(code(() => articleFromText(' hi ', 'https://news.example/t.txt'))).toBe('unreadable');
  });
});

describe('extractArticle: pathological pages', () => {
  it('reads a page whose text sits under a hundred and fifty nested wrappers with boilerplate names', () => {
    let html = `<p>${'Nested words of a long article body. '.repeat(20_000)}</p>`;
    for (let i = 0; i < 150; i += 1) html = `<div class="widget menu-${i}">${html}</div>`;
    const a = extractArticle(page('<title>Deep</title>', html), 'https://news.example/deep');
    expect(a.text.startsWith('Nested words of a long article body.')).toBe(true);
  });

  it('reads text nested three thousand levels deep without overflowing the stack', () => {
    const html = `${'<div>'.repeat(3_000)}<p>${BODY}</p>${'</div>'.repeat(3_000)}`;
    expect(extractArticle(page('<title>Deeper</title>', html), 'https://news.example/deeper').text).toContain(
      'regional council',
    );
  });
});

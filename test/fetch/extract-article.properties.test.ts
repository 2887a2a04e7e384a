/** Property-based tests: article extraction on arbitrary, broken, hostile and deeply nested HTML. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/model/errors.js';
import { extractArticle } from '../../src/fetch/extract-article.js';
import { growth } from '../helpers/scaling.js';

const URL_ = 'https://news.example/a';
const LANGUAGES = ['en', 'ru', 'kk', 'other'];

const TAGS = [
  'div',
  'p',
  'span',
  'article',
  'main',
  'section',
  'header',
  'footer',
  'nav',
  'aside',
  'a',
  'h1',
  'h2',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'form',
  'input',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'title',
  'meta',
  'br',
  'img',
  'time',
  'figure',
  'blockquote',
  'pre',
  'b',
  'i',
];
const ATTRS = [
  '',
  ' class="content"',
  ' class="nav menu"',
  ' class="share-buttons"',
  ' id="comments"',
  ' itemprop="articleBody"',
  ' lang="ru"',
  ' hidden',
  ' style="display:none"',
  ' role="dialog"',
  ' property="og:title" content="A title"',
  ' name="description" content="A description of the page."',
  ' class="paywall"',
  ' aria-hidden="true"',
  " data-x='\"><script>'",
  ' class',
];
/** Pieces that break parsers: unclosed markup, odd entities, comments, CDATA, doctype, NUL. */
const JUNK = [
  '<',
  '</',
  '>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<!doctype html>',
  '<?xml?>',
  '&',
  '&#',
  '&#x110000;',
  '&#0;',
  '&nbsp;',
  '&amp',
  '"',
  "'",
  '=',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '</p>',
  '</div></div></div>',
  '<p',
  '<scr<script>ipt>',
  '<html>',
  '<body>',
  '<head>',
  '<title>',
  '</title>',
];

const words = fc
  .array(
    fc.constantFrom(
      'Kazakhstan',
      'Қазақстан',
      'Казахстан',
      'NATO',
      'the',
      'said',
      'ministry',
      '🇰🇿',
      '،',
      'שלום',
      '\u202E',
    ),
    {
      maxLength: 30,
    },
  )
  .map((w) => w.join(' '));
const text = fc.oneof(
  { weight: 3, arbitrary: words },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
);

/** Random element trees, with junk mixed in. */
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constantFrom(...JUNK),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.constantFrom(...ATTRS),
        fc.array(tie('node'), { maxLength: 5 }),
        fc.boolean(),
      )
      .map(
        ([tag, attrs, children, close]) => `<${tag}${attrs}>${children.join('')}${close ? `</${tag}>` : ''}`,
      ),
  ),
}));

const html = fc.oneof(
  fc.array(node, { maxLength: 8 }).map((n) => n.join('')),
  fc
    .array(node, { maxLength: 8 })
    .map((n) => `<!doctype html><html><head><title>T</title></head><body>${n.join('')}</body></html>`),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.stringMatching(/^(<[a-z]{1,8}( [a-z]{1,5}="[^"]{0,10}")?>[^<]{0,50}){0,20}$/),
);

/** Deep nesting, from a few levels to many thousands, around text long enough to be an article. */
const deep = fc
  .tuple(
    fc.constantFrom('div', 'span', 'section', 'blockquote', 'li', 'table', 'p', 'a'),
    fc.integer({ min: 1, max: 3000 }),
    fc.boolean(),
  )
  .map(([tag, depth, closed]) => {
    const body = 'The ministry said the report about Kazakhstan was false and gave its reasons. '.repeat(5);
    return `${`<${tag}>`.repeat(depth)}${body}${closed ? `</${tag}>`.repeat(depth) : ''}`;
  });

function extractOrReject(source: string): ReturnType<typeof extractArticle> | null {
  try {
    return extractArticle(source, URL_);
  } catch (err) {
    // Rejecting a page (empty, a wall, not an article) is an answer; anything else is a bug.
    if (err instanceof FetchError) return null;
    throw err;
  }
}

function expectArticleShape(a: ReturnType<typeof extractArticle>): void {
  expect(a.url).toBe(URL_);
  expect(a.text.length).toBeGreaterThanOrEqual(40);
  expect(a.text).not.toMatch(/\n{3,}/);
  expect(LANGUAGES).toContain(a.language);
  if (a.title !== null) {
    expect(a.title).toBe(a.title.trim());
    expect(a.title).not.toMatch(/\s{2,}|\n/);
    expect(a.title.length).toBeGreaterThan(0);
  }
}

describe('extractArticle (properties)', () => {
  it('answers an Article or a FetchError for any HTML-ish input, never anything else', () => {
    fc.assert(
      fc.property(html, (source) => {
        const a = extractOrReject(source);
        if (a) expectArticleShape(a);
      }),
      { numRuns: 200 },
    );
  });

  it('survives deep nesting, closed or not', () => {
    fc.assert(
      fc.property(deep, (source) => {
        const a = extractOrReject(source);
        expect(a).not.toBeNull();
        if (a) {
          expectArticleShape(a);
          expect(a.text).toContain('The ministry said the report about Kazakhstan was false');
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('extraction time grows linearly with the page', () => {
  const para = 'The ministry said the report about Kazakhstan was false and gave its reasons in detail. ';
  const shapes: Record<string, [(n: number) => string, number]> = {
    'many paragraphs': [(n) => `<article>${`<p>${para}</p>`.repeat(n)}</article>`, 200],
    'one huge paragraph': [(n) => `<p>${para.repeat(n)}</p>`, 200],
    'many nested wrappers': [(n) => `${'<div>'.repeat(n)}${para}${'</div>'.repeat(n)}`, 1000],
    'unclosed nesting': [(n) => `${'<div><span>'.repeat(n)}${para}`, 500],
    'many links and lists': [
      (n) => `<main>${`<ul><li><a href="/x">${para}</a></li></ul>`.repeat(n)}</main>`,
      200,
    ],
    'text without tags': [(n) => para.repeat(n), 200],
  };
  it.each(Object.entries(shapes))('%s', (_name, [make, n]) => {
    expect(growth(make, extractOrReject, n, 5)).toBeLessThan(8);
  });
});

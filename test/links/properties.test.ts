/** Property-based tests: link finding and URL normalization on arbitrary and hostile chat text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/links/extract-links.js';
import { findUrls, trimUrlEnd } from '../../src/links/find-urls.js';
import { normalizeUrl } from '../../src/links/normalize-url.js';
import { growth } from '../helpers/scaling.js';

/** Pieces chat text is made of, markup and near-misses included. */
const TOKENS = [
  '<',
  '>',
  '|',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  ' ',
  '\n',
  '\t',
  '&lt;',
  '&gt;',
  '&amp;',
  '&quot;',
  'http://',
  'https://',
  'HTTPS://',
  'www.',
  't.me/',
  'telegram.me/',
  'javascript:',
  'ftp://',
  '.',
  ',',
  '!',
  '?',
  '…',
  '«',
  '»',
  '“',
  '”',
  '*',
  '~',
  '`',
  '@',
  '#',
  '%',
  '%2F',
  '%zz',
  '=',
  '&',
  'utm_source=tg',
  'fbclid=1',
  'пример.рф',
  'новости',
  'example.com',
  'a.example',
  '/s/',
  'channel/123',
  '127.0.0.1',
  '[::1]',
  ':8080',
  'user:pw@',
  '\u202E',
  '\u200B',
  '\uFEFF',
  '🇰🇿',
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** Chat-like text: tokens glued together, so links, labels and brackets collide. */
const chatText = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));

/** Any text at all, including lone surrogates. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  chatText,
);

/** URL-ish strings: real URLs, with tracking parameters, Telegram forms, odd hosts and escapes. */
const urlish = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https'] }),
  fc
    .tuple(
      fc.constantFrom('http://', 'https://', 'HTTP://', 'https://user:pw@'),
      fc.constantFrom(
        'Example.COM',
        'www.example.com',
        'пример.рф',
        'xn--e1afmkfd.xn--p1ai',
        't.me',
        'telegram.me',
        '127.0.0.1',
        '[::1]',
        'a.example:443',
        'a.example:80',
      ),
      fc.constantFrom(
        '',
        '/',
        '/s/channel/123',
        '/channel/123',
        '/a/../b/./c',
        '/%7Euser',
        '/путь',
        '/a//b',
        '/index.html',
      ),
      fc.constantFrom(
        '',
        '?',
        '?utm_source=x',
        '?b=2&a=1',
        '?single',
        '?fbclid=1&id=3',
        '?a=%20&a=+',
        '?q=a%26b',
      ),
      fc.constantFrom('', '#', '#frag', '#:~:text=x'),
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `https://a.example/${s}`),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `http://${s}`),
);

const RUNS = { numRuns: 300 };

describe('extractLinks (properties)', () => {
  it('never throws, and every link is a normalized http(s) URL, distinct, within the cap', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.array(urlish, { maxLength: 4 }),
        fc.integer({ min: 0, max: 8 }),
        (text, extra, max) => {
          const { links, skipped } = extractLinks(text, extra, max);
          expect(links.length).toBeLessThanOrEqual(max);
          expect(skipped).toBeGreaterThanOrEqual(0);
          expect(new Set(links).size).toBe(links.length);
          for (const link of links) {
            expect(link).toMatch(/^https?:\/\//);
            expect(['http:', 'https:']).toContain(new URL(link).protocol);
            expect(normalizeUrl(link)).toBe(link);
          }
        },
      ),
      RUNS,
    );
  });

  it('finds every link it is given inside <…>, whatever text surrounds it', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ validSchemes: ['https'] }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (url, around) => {
          const found = findUrls(`${around} <${url}> ${around}`).map((f) => f.url);
          expect(found).toContain(url);
        },
      ),
      RUNS,
    );
  });

  it('trimUrlEnd only ever removes characters from the end', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(s.startsWith(trimUrlEnd(s))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('normalizeUrl (properties)', () => {
  it('never throws, and is idempotent: normalize(normalize(x)) === normalize(x)', () => {
    fc.assert(
      fc.property(fc.oneof(urlish, anyText), (raw) => {
        const once = normalizeUrl(raw);
        if (once === null) return;
        expect(once).toMatch(/^https?:\/\//);
        expect(normalizeUrl(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('link finding time grows linearly with the text', () => {
  const N = 10_000;
  const shapes: Record<string, (n: number) => string> = {
    'many <url> links': (n) => '<https://a.example/x|label> '.repeat(Math.ceil(n / 28)),
    'many markdown links': (n) => '[x](https://a.example/x) '.repeat(Math.ceil(n / 25)),
    'many bare links': (n) => 'see https://a.example/x, '.repeat(Math.ceil(n / 25)),
    'a link ending in ))))': (n) => `https://a.example/${')'.repeat(n)}`,
    'a link ending in ....': (n) => `https://a.example/${'.'.repeat(n)}`,
    'unclosed brackets': (n) => '[x]('.repeat(Math.ceil(n / 4)),
    'unclosed angles': (n) => '<https://'.repeat(Math.ceil(n / 9)),
    'links glued together': (n) => 'http://a'.repeat(Math.ceil(n / 8)),
  };
  it.each(Object.entries(shapes))('%s', (_name, make) => {
    expect(growth(make, (text) => extractLinks(text, [], 5), N)).toBeLessThan(8);
  });
});

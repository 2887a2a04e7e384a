import { describe, expect, it } from 'vitest';
import { extractLinks, linksFromRichText } from '../../src/links/extract-links.js';

describe('extractLinks: Slack message text', () => {
  it('reads <url|label> and <url>, decodes &amp;, ignores mentions and channels', () => {
    const text =
      'Hey <@U024BE7LH>, is this real? <https://news.example/item?id=5&amp;lang=ru|news.example/item> ' +
      'and <https://other.example/x> in <#C024BE7LR|general> <!here> <mailto:desk@example.com|desk@example.com>';
    expect(extractLinks(text, [], 5)).toEqual({
      links: ['https://news.example/item?id=5&lang=ru', 'https://other.example/x'],
      skipped: 0,
    });
  });

  it('finds a link only once when the label repeats the URL', () => {
    const text = '<https://news.example/a|https://news.example/a> посмотрите';
    expect(extractLinks(text, [], 5).links).toEqual(['https://news.example/a']);
  });
});

describe('extractLinks: Discord message text', () => {
  it('reads <url> with a suppressed embed, markdown links and bare links', () => {
    const text =
      'Check <https://news.example/suppressed> and [this story](https://news.example/md "Title") ' +
      'plus https://news.example/bare.';
    expect(extractLinks(text, [], 5).links).toEqual([
      'https://news.example/suppressed',
      'https://news.example/md',
      'https://news.example/bare',
    ]);
  });

  it('keeps balanced parentheses inside markdown and bare URLs', () => {
    const text =
      '[wiki](https://en.wikipedia.org/wiki/Baikonur_(town)) (see https://en.wikipedia.org/wiki/Foo_(bar))';
    expect(extractLinks(text, [], 5).links).toEqual([
      'https://en.wikipedia.org/wiki/Baikonur_(town)',
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
  });
});

describe('extractLinks: bare URLs in any text', () => {
  it.each([
    ['Читайте: https://news.example/a.', 'https://news.example/a'],
    ['Это правда?https://news.example/a?!', 'https://news.example/a'],
    ['(https://news.example/a)', 'https://news.example/a'],
    ['«https://news.example/статья»', 'https://news.example/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F'],
    ['“https://news.example/a”, — пишут', 'https://news.example/a'],
    ['see https://news.example/a...', 'https://news.example/a'],
    ['see https://news.example/a…', 'https://news.example/a'],
    ['**https://news.example/a**', 'https://news.example/a'],
    ['https://президент.рф/news/123;', 'https://xn--d1abbgf6aiiy.xn--p1ai/news/123'],
    [
      'https://news.example/новости/2024/',
      'https://news.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/2024/',
    ],
    ['сайт www.news.example/page, смотрите', 'http://www.news.example/page'],
    ['пост t.me/example_channel/1234 и всё', 'https://t.me/example_channel/1234'],
    ['line one\nhttps://news.example/a\nline two', 'https://news.example/a'],
  ])('%j → %s', (text, expected) => {
    expect(extractLinks(text, [], 5).links).toEqual([expected]);
  });

  it('ignores other schemes and things that only look like links', () => {
    const text =
      'ftp://files.example/x javascript:alert(1) file:///etc/passwd user@mail.example http:// nope';
    expect(extractLinks(text, [], 5)).toEqual({ links: [], skipped: 0 });
  });
});

describe('extractLinks: normalization, dedupe and the cap', () => {
  it('drops tracking parameters and fragments, then dedupes in order of appearance', () => {
    const text =
      'https://news.example/a?utm_source=telegram https://news.example/b https://news.example/a#top ' +
      '<https://news.example/a?fbclid=IwAR123|dup> https://NEWS.example/b?gclid=1';
    expect(extractLinks(text, [], 5)).toEqual({
      links: ['https://news.example/a', 'https://news.example/b'],
      skipped: 0,
    });
  });

  it('adds extra links after the text links, deduplicated against them', () => {
    const extra = ['https://news.example/a?utm_medium=social', 'https://news.example/c', 'not a link'];
    expect(extractLinks('https://news.example/a', extra, 5).links).toEqual([
      'https://news.example/a',
      'https://news.example/c',
    ]);
  });

  it('caps the links per message and counts distinct links skipped', () => {
    const text =
      Array.from({ length: 8 }, (_, i) => `https://news.example/${i}`).join(' ') + ' https://news.example/0';
    expect(extractLinks(text, [], 5)).toEqual({
      links: [
        'https://news.example/0',
        'https://news.example/1',
        'https://news.example/2',
        'https://news.example/3',
        'https://news.example/4',
      ],
      skipped: 3,
    });
  });

  it('returns nothing for text without links', () => {
    expect(extractLinks('Просто текст без ссылок.', [], 5)).toEqual({ links: [], skipped: 0 });
  });
});

/** A message event shaped like Slack's own, with rich_text blocks in every container kind. */
const slackEvent = {
  type: 'message',
  channel: 'C0123ABCD',
  user: 'U0123ABCD',
  text: 'Is this true? <https://news.example/a?utm_source=slack|news.example/a>',
  ts: '1712050000.000100',
  team: 'T0123ABCD',
  blocks: [
    {
      type: 'rich_text',
      block_id: 'Aq1Zx',
      elements: [
        {
          type: 'rich_text_section',
          elements: [
            { type: 'text', text: 'Is this true? ' },
            { type: 'link', url: 'https://news.example/a?utm_source=slack', text: 'news.example/a' },
            { type: 'user', user_id: 'U024BE7LH' },
            { type: 'emoji', name: 'eyes', unicode: '1f440' },
          ],
        },
        {
          type: 'rich_text_list',
          style: 'bullet',
          indent: 0,
          border: 0,
          elements: [
            { type: 'rich_text_section', elements: [{ type: 'link', url: 'https://news.example/list-1' }] },
            {
              type: 'rich_text_section',
              elements: [{ type: 'link', url: 'https://news.example/list-2', style: { bold: true } }],
            },
          ],
        },
        { type: 'rich_text_quote', elements: [{ type: 'link', url: 'https://news.example/quote' }] },
        {
          type: 'rich_text_preformatted',
          border: 0,
          elements: [{ type: 'link', url: 'https://news.example/pre' }],
        },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: '<https://news.example/not-rich-text>' } },
  ],
};

describe('linksFromRichText', () => {
  it('collects link elements from sections, lists, quotes and preformatted blocks', () => {
    expect(linksFromRichText(slackEvent.blocks)).toEqual([
      'https://news.example/a?utm_source=slack',
      'https://news.example/list-1',
      'https://news.example/list-2',
      'https://news.example/quote',
      'https://news.example/pre',
    ]);
  });

  it('feeds extractLinks, which dedupes them against the text', () => {
    const { links } = extractLinks(slackEvent.text, linksFromRichText(slackEvent.blocks), 10);
    expect(links).toEqual([
      'https://news.example/a',
      'https://news.example/list-1',
      'https://news.example/list-2',
      'https://news.example/quote',
      'https://news.example/pre',
    ]);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an object', { type: 'rich_text' }],
    ['a string', 'https://news.example/x'],
    ['elements not an array', [{ type: 'rich_text', elements: 'nope' }]],
    [
      'a link without a string url',
      [
        {
          type: 'rich_text',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'link', url: 42 }] }],
        },
      ],
    ],
    [
      'an unknown container',
      [
        {
          type: 'rich_text',
          elements: [{ type: 'mystery', elements: [{ type: 'link', url: 'https://x.example' }] }],
        },
      ],
    ],
    [
      'null elements',
      [{ type: 'rich_text', elements: [null, 1, 'x', [{ type: 'link', url: 'https://x.example' }]] }],
    ],
  ])('returns nothing for %s', (_name, blocks) => {
    expect(linksFromRichText(blocks)).toEqual([]);
  });

  it('stops at a depth limit instead of recursing forever', () => {
    let node: Record<string, unknown> = { type: 'link', url: 'https://deep.example/' };
    for (let i = 0; i < 50; i += 1) node = { type: 'rich_text_section', elements: [node] };
    expect(linksFromRichText([{ type: 'rich_text', elements: [node] }])).toEqual([]);
  });
});

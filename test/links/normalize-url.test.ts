import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/links/normalize-url.js';

describe('normalizeUrl', () => {
  it.each([
    ['https://example.com/a?utm_source=tg&utm_medium=social&id=5', 'https://example.com/a?id=5'],
    ['https://example.com/a?fbclid=IwAR0abc&gclid=xyz&yclid=123&p=2', 'https://example.com/a?p=2'],
    [
      'https://example.com/a?_openstat=abc&mc_cid=1&mc_eid=2&igshid=3&si=4&ref_src=twsrc',
      'https://example.com/a',
    ],
    ['https://example.com/a?ysclid=lqz&msclkid=1&UTM_Campaign=x', 'https://example.com/a'],
    ['https://example.com/story#comments', 'https://example.com/story'],
    ['https://example.com/story#:~:text=hello', 'https://example.com/story'],
    ['HTTPS://WWW.Example.COM/Path/Case', 'https://www.example.com/Path/Case'],
    ['http://example.com:80/x', 'http://example.com/x'],
    ['https://example.com:443/x', 'https://example.com/x'],
    ['https://example.com:8443/x', 'https://example.com:8443/x'],
    ['https://president.example/news/?b=2&a=1', 'https://president.example/news/?a=1&b=2'],
    ['https://user:secret@example.com/x', 'https://example.com/x'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
  });

  it('keeps www., the scheme, path case and a trailing slash: they can change the page', () => {
    expect(normalizeUrl('http://www.example.kz/News/Item/')).toBe('http://www.example.kz/News/Item/');
  });

  it('turns IDN hosts into punycode the same way whatever the input spelling', () => {
    const a = normalizeUrl('https://Президент.рф/новости/1');
    const b = normalizeUrl('https://xn--d1abbgf6aiiy.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1');
    expect(a).toBe('https://xn--d1abbgf6aiiy.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1');
    expect(b).toBe(a);
  });

  it.each([
    'ftp://example.com/file',
    'javascript:alert(1)',
    'mailto:a@example.com',
    'example.com/x',
    'https://',
    'not a url',
    '',
  ])('refuses %j', (raw) => {
    expect(normalizeUrl(raw)).toBeNull();
  });
});

describe('Telegram post addresses', () => {
  it.each([
    'https://t.me/s/durov/123',
    'https://t.me/durov/123?single',
    'https://telegram.me/durov/123',
    'http://t.me/durov/123?utm_source=x',
  ])('gives %s the one canonical address of the post', (raw) => {
    expect(normalizeUrl(raw)).toBe('https://t.me/durov/123');
  });

  it('leaves Telegram addresses that are not posts alone', () => {
    expect(normalizeUrl('https://t.me/durov')).toBe('https://t.me/durov');
  });
});

describe('query strings keep their meaning', () => {
  it.each([
    ['http://Example.COM?q=a%26b', 'http://example.com/?q=a%26b'],
    ['https://a.example/s?q=x%3Dy&b=1', 'https://a.example/s?b=1&q=x%3Dy'],
    ['https://a.example/s?q=100%25&utm_source=tg', 'https://a.example/s?q=100%25'],
    ['https://a.example/s?tag=%23news&a=1', 'https://a.example/s?a=1&tag=%23news'],
    ['https://a.example/s?b=2&a=1&b=1', 'https://a.example/s?a=1&b=2&b=1'],
    ['https://a.example/s?flag&utm_medium=x&fbclid=1', 'https://a.example/s?flag'],
    ['https://a.example/s?utm_source=x', 'https://a.example/s'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
    expect(normalizeUrl(expected)).toBe(expected);
  });
});

describe('normalizeUrl on addresses inside the query (found by the property test)', () => {
  it('keeps "//" in a query value, so a second pass changes nothing', () => {
    const once = normalizeUrl('http://a.aa?https://');
    expect(once).toBe('http://a.aa/?https://');
    expect(once && normalizeUrl(once)).toBe(once);
    const share = normalizeUrl('https://news.example/share?u=https://t.me/channel/1');
    expect(share).toBe('https://news.example/share?u=https://t.me/channel/1');
  });
});

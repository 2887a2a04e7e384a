import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, metaCharset } from '../../src/fetch/charset.js';
import { kindOfType, parseContentType, sniffKind } from '../../src/fetch/content-type.js';
import { fixturePage } from '../helpers/fixture-server.js';

const RU = 'Съешь же ещё этих мягких французских булок, да выпей чаю.';

describe('decodeBody', () => {
  it('uses the header charset', () => {
    expect(decodeBody(iconv.encode(RU, 'win1251'), 'windows-1251', false)).toEqual({
      text: RU,
      charset: 'windows-1251',
    });
    expect(decodeBody(iconv.encode(RU, 'koi8-r'), 'koi8-r', false).text).toBe(RU);
    expect(decodeBody(iconv.encode(RU, 'win1251'), 'cp1251', false).text).toBe(RU);
  });

  it('reads <meta charset> and <meta http-equiv> from the fixture pages', () => {
    const cp1251 = decodeBody(fixturePage('ru-news-cp1251.html'), null, true);
    expect(cp1251.charset).toBe('windows-1251');
    expect(cp1251.text).toContain('В Караганде запустили новый троллейбусный маршрут');
    const koi8 = decodeBody(fixturePage('ru-news-koi8r.html'), null, true);
    expect(koi8.charset).toBe('koi8-r');
    expect(koi8.text).toContain('Областная библиотека продлила часы работы');
  });

  it('prefers a BOM to the header, and the header to <meta>', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU)]);
    expect(decodeBody(bom, 'windows-1251', true)).toEqual({ text: RU, charset: 'utf-8' });
    const page = iconv.encode(`<meta charset="koi8-r"><p>${RU}</p>`, 'win1251');
    expect(decodeBody(page, 'windows-1251', true).text).toContain(RU);
  });

  it('ignores an unknown header charset and falls back to the content', () => {
    expect(decodeBody(Buffer.from(RU), 'x-no-such-charset', false)).toEqual({ text: RU, charset: 'utf-8' });
  });

  it('reads undeclared non-UTF-8 bytes as windows-1251', () => {
    expect(decodeBody(iconv.encode(RU, 'win1251'), null, true)).toEqual({
      text: RU,
      charset: 'windows-1251',
    });
  });

  it('treats a UTF-16 declaration in ASCII-compatible bytes as UTF-8 (HTML standard)', () => {
    expect(metaCharset(Buffer.from('<meta charset="utf-16"><p>x</p>'))).toBe('utf-8');
    expect(metaCharset(Buffer.from('<p>no declaration</p>'))).toBeNull();
  });
});

describe('content types', () => {
  it('parses a Content-Type header', () => {
    expect(parseContentType('Text/HTML; Charset="Windows-1251"')).toEqual({
      mime: 'text/html',
      charset: 'windows-1251',
    });
    expect(parseContentType(undefined)).toEqual({ mime: '', charset: null });
  });

  it('allows HTML, XHTML and plain text only', () => {
    expect(kindOfType('text/html')).toBe('html');
    expect(kindOfType('application/xhtml+xml')).toBe('html');
    expect(kindOfType('text/plain')).toBe('text');
    expect(kindOfType('')).toBeNull();
    expect(kindOfType('application/pdf')).toEqual({ refuse: 'a PDF document' });
    expect(kindOfType('video/mp4')).toEqual({ refuse: 'a video' });
    expect(kindOfType('application/octet-stream')).toEqual({
      refuse: 'a file of type application/octet-stream',
    });
  });

  it('sniffs a missing type cautiously', () => {
    expect(sniffKind(Buffer.from('\n  <!DOCTYPE html><html><p>x</p>'))).toBe('html');
    expect(sniffKind(Buffer.from('Just some words.\nMore words.'))).toBe('text');
    expect(sniffKind(Buffer.from('%PDF-1.7 ...'))).toEqual({ refuse: 'a PDF document' });
    expect(sniffKind(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).toEqual({ refuse: 'an archive' });
    expect(sniffKind(Buffer.from([0x41, 0x00, 0x42]))).toEqual({ refuse: 'a file of an unknown type' });
  });
});

/**
 * The SSRF-safe fetcher's limits against a local fixture server: body size while streaming, gzip and
 * brotli bombs, redirects and loops, timeouts, content types, statuses, character sets.
 */
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetch, type SafeFetchOptions } from '../../src/fetch/safe-fetch.js';
import {
  bigBody,
  type FixtureServer,
  redirect,
  startFixtureServer,
  trickle,
} from '../helpers/fixture-server.js';
import { failure } from './failure.js';

const PAGE =
  '<!doctype html><html><head><title>T</title></head><body><p>Привет, мир. Hello.</p></body></html>';
const MB = 1024 * 1024;

let server: FixtureServer;
const tenMb = { finished: false, bytesWritten: 0 };
const tenMbDeclared = { finished: false, bytesWritten: 0 };
const gzipBomb = gzipSync(Buffer.alloc(64 * MB));
const brotliBomb = brotliCompressSync(Buffer.alloc(64 * MB), {
  params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
});

function options(over: Partial<SafeFetchOptions> = {}): SafeFetchOptions {
  return {
    allowHosts: [server.hostPort],
    timeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    maxBytes: 5 * MB,
    maxRedirects: 5,
    userAgent: 'claimdesk/test (newsroom fact-check bot)',
    ...over,
  };
}

beforeAll(async () => {
  const hops: Record<string, ReturnType<typeof redirect>> = {};
  for (let i = 1; i <= 7; i += 1) hops[`/hop/${i}`] = redirect(i === 7 ? '/page' : `/hop/${i + 1}`);
  server = await startFixtureServer({
    ...hops,
    '/page': { body: PAGE },
    '/ten-mb': bigBody(10 * MB, tenMb),
    '/ten-mb-declared': bigBody(10 * MB, tenMbDeclared, { contentLength: true }),
    '/gzip-bomb': { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: gzipBomb },
    '/br-bomb': { headers: { 'content-type': 'text/html', 'content-encoding': 'br' }, body: brotliBomb },
    '/gzip-page': {
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' },
      body: gzipSync(PAGE),
    },
    '/deflate-page': {
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate' },
      body: deflateSync(PAGE),
    },
    '/br-page': {
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' },
      body: brotliCompressSync(PAGE),
    },
    '/zstd-page': { headers: { 'content-type': 'text/html', 'content-encoding': 'zstd' }, body: 'xx' },
    '/broken-gzip': {
      headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' },
      body: 'definitely not gzip',
    },
    '/loop-a': redirect('/loop-b', 301),
    '/loop-b': redirect('/loop-a', 302),
    '/self': redirect('/self', 307),
    '/no-location': (_req, res) => {
      res.writeHead(302).end();
    },
    '/trickle': trickle(40),
    '/silent': () => {
      // Never answers; the client's deadline must end the request.
    },
    '/pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7\n%âãÏÓ\n1 0 obj' },
    '/png': {
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    },
    '/json': { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"a":1}' },
    '/untyped-png': (_req, res) => {
      res.removeHeader('content-type');
      res.writeHead(200).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    },
    '/untyped-html': (_req, res) => {
      res.writeHead(200).end(PAGE);
    },
    '/plain': {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'Just text.\n\nSecond paragraph.',
    },
    '/xhtml': { headers: { 'content-type': 'application/xhtml+xml' }, body: PAGE },
    '/500': { status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>Internal Server Error</h1>' },
    '/404': { status: 404, body: '<h1>Not Found</h1>' },
    '/410': { status: 410, body: '<h1>Gone</h1>' },
    '/403': { status: 403, body: '<h1>Forbidden</h1>' },
    '/429': {
      status: 429,
      headers: { 'content-type': 'text/plain', 'retry-after': '60' },
      body: 'slow down',
    },
    '/403-cloudflare': { status: 403, file: 'challenge-cloudflare.html' },
    '/503-ddos-guard': { status: 503, file: 'challenge-ddos-guard.html' },
    '/cp1251-meta': { headers: { 'content-type': 'text/html' }, file: 'ru-news-cp1251.html' },
    '/cp1251-header': {
      headers: { 'content-type': 'text/html; charset=windows-1251' },
      body: iconv.encode(PAGE, 'win1251'),
    },
    '/cp1251-undeclared': { headers: { 'content-type': 'text/html' }, body: iconv.encode(PAGE, 'win1251') },
    '/koi8r-meta': { headers: { 'content-type': 'text/html' }, file: 'ru-news-koi8r.html' },
    '/bom-over-header': {
      headers: { 'content-type': 'text/html; charset=windows-1251' },
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)]),
    },
    '/reset-mid-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
      res.write('<html><body><p>partial');
      setImmediate(() => res.socket?.destroy());
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe('safeFetch: a normal page', () => {
  it('reads it and sends a polite User-Agent, Accept-Language and Accept-Encoding', async () => {
    const page = await createSafeFetch(options())(server.url('/page'));
    expect(page).toMatchObject({
      url: server.url('/page'),
      status: 200,
      kind: 'html',
      charset: 'utf-8',
      redirects: 0,
    });
    expect(page.text).toContain('Привет, мир.');
    const req = server.requests.find((r) => r.path === '/page');
    expect(req?.headers['user-agent']).toBe('claimdesk/test (newsroom fact-check bot)');
    expect(req?.headers['accept-language']).toBe('ru,kk;q=0.9,en;q=0.8');
    expect(req?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it.each(['/gzip-page', '/deflate-page', '/br-page'])('decodes %s', async (path) => {
    const page = await createSafeFetch(options())(server.url(path));
    expect(page.text).toBe(PAGE);
  });

  it('reads text/plain and application/xhtml+xml', async () => {
    const fetch = createSafeFetch(options());
    expect(await fetch(server.url('/plain'))).toMatchObject({
      kind: 'text',
      text: 'Just text.\n\nSecond paragraph.',
    });
    expect(await fetch(server.url('/xhtml'))).toMatchObject({ kind: 'html' });
  });

  it('sniffs a missing Content-Type: markup is read as HTML', async () => {
    expect(await createSafeFetch(options())(server.url('/untyped-html'))).toMatchObject({ kind: 'html' });
  });
});

describe('safeFetch: size limits', () => {
  it('stops a 10 MB body while streaming, before the server finishes sending it', async () => {
    const err = await failure(createSafeFetch(options())(server.url('/ten-mb')));
    expect(err.code).toBe('too_large');
    expect(err.message).toBe('The page is larger than 5 MB, so I did not read it.');
    expect(tenMb.finished).toBe(false);
  });

  it('refuses a declared Content-Length above the limit before reading the body', async () => {
    const err = await failure(createSafeFetch(options())(server.url('/ten-mb-declared')));
    expect(err.code).toBe('too_large');
    expect(tenMbDeclared.finished).toBe(false);
  });

  it.each([
    ['gzip', '/gzip-bomb', gzipBomb],
    ['brotli', '/br-bomb', brotliBomb],
  ])('stops a %s bomb that inflates far past the limit', async (_name, path, bomb) => {
    expect(bomb.length).toBeLessThan(100 * 1024);
    const err = await failure(createSafeFetch(options())(server.url(path)));
    expect(err.code).toBe('too_large');
    expect(err.message).toBe('The page unpacks to more than 5 MB, so I did not read it.');
  });

  it('refuses an encoding it cannot decode, and a corrupt gzip body', async () => {
    const fetch = createSafeFetch(options());
    expect((await failure(fetch(server.url('/zstd-page')))).code).toBe('unreadable');
    expect((await failure(fetch(server.url('/broken-gzip')))).code).toBe('unreadable');
  });
});

describe('safeFetch: redirects', () => {
  it('follows exactly maxRedirects redirects and reports the final URL', async () => {
    const page = await createSafeFetch(options())(server.url('/hop/3'));
    expect(page).toMatchObject({ url: server.url('/page'), redirects: 5 });
  });

  it('refuses more than maxRedirects', async () => {
    const err = await failure(createSafeFetch(options())(server.url('/hop/1')));
    expect(err.code).toBe('unreadable');
    expect(err.message).toBe('The page redirected more than 5 times, so I stopped following it.');
  });

  it.each(['/loop-a', '/self'])('detects the redirect loop at %s', async (path) => {
    const err = await failure(createSafeFetch(options())(server.url(path)));
    expect(err.code).toBe('unreadable');
    expect(err.message).toBe('The page keeps redirecting in a loop, so I could not read it.');
  });

  it('reports a redirect without a Location', async () => {
    expect((await failure(createSafeFetch(options())(server.url('/no-location')))).code).toBe('unreadable');
  });
});

describe('safeFetch: timeouts and broken connections', () => {
  it('gives up on a server that trickles bytes forever', async () => {
    const err = await failure(createSafeFetch(options({ timeoutMs: 400 }))(server.url('/trickle')));
    expect(err.code).toBe('timeout');
    expect(err.message).toBe('The site took longer than 0.4 seconds to send the page, so I gave up.');
  });

  it('gives up on a server that never answers', async () => {
    expect((await failure(createSafeFetch(options({ timeoutMs: 300 }))(server.url('/silent')))).code).toBe(
      'timeout',
    );
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const pending = createSafeFetch(options())(server.url('/silent'), controller.signal);
    setTimeout(() => controller.abort(), 50);
    const err = await failure(pending);
    expect(err.code).toBe('timeout');
    expect(err.message).toBe('Reading the page was cancelled before it finished.');
  });

  it('reports a refused connection', async () => {
    const closed = await startFixtureServer();
    await closed.close();
    const err = await failure(createSafeFetch(options({ allowHosts: [closed.hostPort] }))(closed.url('/')));
    expect(err.code).toBe('unreadable');
    expect(err.message).toBe('The site refused the connection, so I could not read the page.');
  });

  it('reports a connection cut in the middle of the body', async () => {
    const err = await failure(createSafeFetch(options())(server.url('/reset-mid-body')));
    expect(err.code).toBe('unreadable');
  });
});

describe('safeFetch: content types', () => {
  it.each([
    ['/pdf', 'The link points to a PDF document, not a web page, so I could not read it.'],
    ['/png', 'The link points to an image, not a web page, so I could not read it.'],
    ['/json', 'The link points to JSON data, not a web page, so I could not read it.'],
    ['/untyped-png', 'The link points to an image, not a web page, so I could not read it.'],
  ])('refuses %s', async (path, message) => {
    const err = await failure(createSafeFetch(options())(server.url(path)));
    expect(err.code).toBe('unsupported_type');
    expect(err.message).toBe(message);
  });
});

describe('safeFetch: HTTP statuses', () => {
  it.each([
    ['/500', 'http_status', 'The site had an error and did not send the page (HTTP 500).'],
    ['/403', 'http_status', 'The site refused to show this page (HTTP 403).'],
    ['/429', 'http_status', 'The site is limiting requests right now (HTTP 429); try again later.'],
    ['/404', 'not_found', 'The page does not exist (the site answered HTTP 404, "not found").'],
    ['/410', 'not_found', 'The page does not exist (the site answered HTTP 410, "not found").'],
    [
      '/403-cloudflare',
      'unreadable',
      'The site showed an anti-bot check instead of the page, so I could not read it.',
    ],
    [
      '/503-ddos-guard',
      'unreadable',
      'The site showed an anti-bot check instead of the page, so I could not read it.',
    ],
  ])('%s → %s', async (path, code, message) => {
    const err = await failure(createSafeFetch(options())(server.url(path)));
    expect({ code: err.code, message: err.message }).toEqual({ code, message });
  });
});

describe('safeFetch: character sets', () => {
  it('decodes windows-1251 declared by <meta charset>', async () => {
    const page = await createSafeFetch(options())(server.url('/cp1251-meta'));
    expect(page.charset).toBe('windows-1251');
    expect(page.text).toContain('В Караганде запустили новый троллейбусный маршрут');
  });

  it('decodes windows-1251 declared in the Content-Type header', async () => {
    const page = await createSafeFetch(options())(server.url('/cp1251-header'));
    expect(page.text).toContain('Привет, мир.');
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1251', async () => {
    const page = await createSafeFetch(options())(server.url('/cp1251-undeclared'));
    expect(page.charset).toBe('windows-1251');
    expect(page.text).toContain('Привет, мир.');
  });

  it('decodes KOI8-R declared by <meta http-equiv>', async () => {
    const page = await createSafeFetch(options())(server.url('/koi8r-meta'));
    expect(page.charset).toBe('koi8-r');
    expect(page.text).toContain('Областная научная библиотека с февраля работает по новому графику');
  });

  it('lets a byte-order mark override a wrong header', async () => {
    const page = await createSafeFetch(options())(server.url('/bom-over-header'));
    expect(page.charset).toBe('utf-8');
    expect(page.text).toContain('Привет, мир.');
  });
});

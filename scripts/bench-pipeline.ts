/**
 * The offline pipeline per page for `npm run bench`: a local HTTP server on 127.0.0.1 serves a news
 * page; the real ArticleFetcher (SSRF-safe fetch, charset, extraction) reads it and the matcher runs.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalogue } from '../src/model/catalogue.js';
import { extractArticle } from '../src/fetch/extract-article.js';
import { createArticleFetcher } from '../src/fetch/fetch-article.js';
import { createLexicalMatcher } from '../src/match/index.js';

const ms = (x: number) => Math.round(x * 100) / 100;

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: ms(at(0.5)), p95: ms(at(0.95)), min: ms(s[0] ?? 0) };
}

function page(text: string): string {
  const paragraphs = text
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Новости дня</title>
<meta property="og:title" content="Новости дня"><link rel="canonical" href="/news/1"></head>
<body><nav><a href="/">Главная</a> <a href="/world">Мир</a></nav>
<aside><h3>Читайте также</h3><ul><li><a href="/a">Биолаборатории США</a></li></ul></aside>
<article><h1>Новости дня</h1>${paragraphs}</article><footer>© Редакция</footer></body></html>`;
}

export async function benchPipeline(catalogue: Catalogue, text: string, runs: number) {
  const html = page(text);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/news/1`;
  const fetcher = createArticleFetcher({
    allowHosts: [`127.0.0.1:${port}`],
    timeoutMs: 10_000,
    connectTimeoutMs: 2_000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    userAgent: 'claimdesk-bench',
  });
  const matcher = createLexicalMatcher(catalogue);
  const whole: number[] = [];
  const parse: number[] = [];
  const match: number[] = [];
  let chars = 0;
  try {
    for (let i = 0; i < runs + 2; i++) {
      const t0 = performance.now();
      const article = await fetcher.fetchArticle(url);
      const t1 = performance.now();
      matcher.match(article);
      const t2 = performance.now();
      const p0 = performance.now();
      extractArticle(html, url);
      const p1 = performance.now();
      chars = article.text.length;
      if (i < 2) continue; // warm-up
      whole.push(t2 - t0);
      match.push(t2 - t1);
      parse.push(p1 - p0);
    }
  } finally {
    server.close();
  }
  return {
    htmlKb: Math.round(Buffer.byteLength(html) / 1024),
    textChars: chars,
    perPage: stats(whole),
    parseExtract: stats(parse),
    match: stats(match),
  };
}

/**
 * createArticleFetcher end to end against real-world-shaped pages served by a local fixture server:
 * legacy encodings, Kazakh, Telegram previews, sidebars, AMP, and pages that are not articles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFetcher } from '../../src/model/ports.js';
import { createArticleFetcher } from '../../src/fetch/fetch-article.js';
import { type FixtureServer, redirect, startFixtureServer } from '../helpers/fixture-server.js';
import { failure } from './failure.js';

let server: FixtureServer;
let fetcher: ArticleFetcher;

beforeAll(async () => {
  server = await startFixtureServer({
    '/ru/trolleybus': { headers: { 'content-type': 'text/html' }, file: 'ru-news-cp1251.html' },
    '/ru/library': { headers: { 'content-type': 'text/html' }, file: 'ru-news-koi8r.html' },
    '/kk/kitaphana': { file: 'kk-news.html' },
    '/agro/sev': { file: 'article-with-sidebar.html' },
    '/amp/embankment': { file: 'amp-article.html' },
    '/login': { file: 'login-wall.html' },
    '/challenge': { status: 403, file: 'challenge-cloudflare.html' },
    '/challenge-200': { file: 'challenge-cloudflare.html' },
    '/ddos-guard': { file: 'challenge-ddos-guard.html' },
    '/soft-404': { file: 'soft-404.html' },
    '/cookie-wall': { file: 'cookie-wall.html' },
    '/empty': { file: 'empty.html' },
    '/paywall': { file: 'paywall.html' },
    '/og-only': { file: 'og-only.html' },
    '/short-link': redirect('/ru/trolleybus', 301),
    '/plain': {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'Заголовок заметки\n\nПервый абзац текста заметки, достаточно длинный для проверки.',
    },
    '/tg/example_channel/1234': { file: 'telegram-post-embed.html' },
    '/tg/example_channel/999': { file: 'telegram-post-missing.html' },
  });
  fetcher = createArticleFetcher(
    {
      allowHosts: [server.hostPort],
      timeoutMs: 5_000,
      connectTimeoutMs: 2_000,
      maxBytes: 5 * 1024 * 1024,
      maxRedirects: 5,
      userAgent: 'claimdesk/test',
    },
    { telegramBaseUrl: server.url('/tg') },
  );
});

afterAll(async () => {
  await server.close();
});

describe('fetchArticle: articles', () => {
  it('reads a Russian news article served in windows-1251', async () => {
    const a = await fetcher.fetchArticle(server.url('/ru/trolleybus'));
    expect(a).toMatchObject({
      url: server.url('/ru/trolleybus'),
      canonicalUrl: 'https://stepnoy-vestnik.example/news/2024/03/trolleybus-12',
      title: 'В Караганде запустили новый троллейбусный маршрут',
      byline: 'Айгерим Сапарова',
      siteName: 'Степной вестник',
      publishedAt: '2024-03-14T09:30:00+05:00',
      language: 'ru',
      source: 'html',
    });
    expect(a.text.split('\n\n')[0]).toBe(
      'С понедельника в Караганде начал работать новый троллейбусный маршрут № 12. Он соединил северные микрорайоны города с железнодорожным вокзалом и центральным рынком.',
    );
    expect(a.text).toContain(
      '«Теперь дорога до работы занимает у меня тридцать пять минут, а не час двадцать»',
    );
    for (const chrome of [
      'Самое читаемое',
      'Тарифы на отопление',
      'Все права защищены',
      'Поделиться',
      'Поиск по сайту',
    ]) {
      expect(a.text).not.toContain(chrome);
    }
  });

  it('reads a Russian article served in KOI8-R', async () => {
    const a = await fetcher.fetchArticle(server.url('/ru/library'));
    expect(a.language).toBe('ru');
    expect(a.text).toContain('Решение приняли после опроса читателей.');
    expect(a.text).not.toContain('Продам гараж');
  });

  it('reads a Kazakh article and recognizes its language', async () => {
    const a = await fetcher.fetchArticle(server.url('/kk/kitaphana'));
    expect(a).toMatchObject({
      title: 'Облыс орталығында балаларға арналған жаңа кітапхана ашылды',
      byline: 'Нұрлан Әбілов',
      siteName: 'Дала жаңалықтары',
      publishedAt: '2024-05-20T11:00:00+05:00',
      language: 'kk',
    });
    expect(a.text).toContain(
      'Кітапхана қорында қазақ, орыс және ағылшын тілдеріндегі он мыңнан астам кітап жинақталған.',
    );
    expect(a.text).not.toContain('Көп оқылған');
  });

  it('keeps a sidebar, related links, comments and banners full of narrative keywords out of the text', async () => {
    const a = await fetcher.fetchArticle(server.url('/agro/sev'));
    expect(a.title).toBe('Аграрии Северо-Казахстанской области начали весенний сев');
    expect(a.text).toContain(
      'В этом году зерновыми культурами планируют засеять около трёх миллионов гектаров.',
    );
    expect(a.text).toContain('Фермеры рассчитывают на хороший урожай');
    expect(a.text).not.toMatch(/биолаборатор|biolab|НАТО|Пентагон|патоген|миротворческ/i);
    expect(a.text).not.toContain('Комментарии');
  });

  it('reads an AMP page and records its canonical URL without tracking parameters', async () => {
    const a = await fetcher.fetchArticle(server.url('/amp/embankment'));
    expect(a).toMatchObject({
      url: server.url('/amp/embankment'),
      canonicalUrl: 'https://riverside-daily.example/city/2024/06/embankment-budget',
      title: 'City council approves budget for new river embankment',
      byline: 'Dana Miller',
      siteName: 'Riverside Daily',
      publishedAt: '2024-06-11T16:40:00Z',
      language: 'en',
    });
    expect(a.text).toContain('a two-kilometre walkway, a cycle lane, lighting and flood barriers');
    expect(a.text).not.toMatch(/biolab|Menu/i);
  });

  it('falls back to Open Graph metadata when the page has no article body', async () => {
    const a = await fetcher.fetchArticle(server.url('/og-only'));
    expect(a).toMatchObject({
      title: 'Port authority reports record cargo volumes',
      siteName: 'Harbour Post',
      canonicalUrl: 'https://harbour-post.example/business/record-cargo',
      publishedAt: '2024-04-15',
      language: 'en',
    });
    expect(a.text).toMatch(/^The port handled more containers in the first quarter/);
  });

  it('reports the final URL after redirects', async () => {
    const a = await fetcher.fetchArticle(server.url('/short-link'));
    expect(a.url).toBe(server.url('/ru/trolleybus'));
  });

  it('reads a plain-text page', async () => {
    const a = await fetcher.fetchArticle(server.url('/plain'));
    expect(a).toMatchObject({ title: 'Заголовок заметки', language: 'ru' });
    expect(a.text).toContain('Первый абзац текста заметки');
  });
});

describe('fetchArticle: Telegram posts', () => {
  it.each([
    'https://t.me/example_channel/1234',
    'https://t.me/s/example_channel/1234',
    'https://telegram.me/example_channel/1234?single',
  ])('reads %s through the public post preview', async (link) => {
    const before = server.requests.length;
    const a = await fetcher.fetchArticle(link);
    expect(a).toMatchObject({
      url: 'https://t.me/example_channel/1234',
      canonicalUrl: 'https://t.me/example_channel/1234',
      byline: 'Пример Новости',
      siteName: 'Telegram',
      publishedAt: '2024-04-02T08:15:31+00:00',
      language: 'ru',
      source: 'telegram',
    });
    expect(a.text).toContain('Синоптики прогнозируют усиление ветра до 25 метров в секунду в ночь на среду.');
    expect(a.text).not.toContain('Вчерашний пост о расписании электричек');
    expect(a.text).not.toContain('12.4K');
    const req = server.requests.slice(before).find((r) => r.path === '/tg/example_channel/1234');
    expect(req?.url).toBe('/tg/example_channel/1234?embed=1&mode=tme');
  });

  it('reports a deleted post as not_found', async () => {
    const err = await failure(fetcher.fetchArticle('https://t.me/example_channel/999'));
    expect(err.code).toBe('not_found');
  });

  it('refuses a private-channel link without fetching anything', async () => {
    const before = server.requests.length;
    const err = await failure(fetcher.fetchArticle('https://t.me/c/1234567890/55'));
    expect(err.code).toBe('unreadable');
    expect(err.message).toBe(
      'This is a post in a private Telegram channel, which only its members can read.',
    );
    expect(server.requests.length).toBe(before);
  });
});

describe('fetchArticle: pages that are not the article', () => {
  it.each([
    ['/login', 'unreadable', 'The page is behind a login wall, so I could not read it.'],
    [
      '/challenge',
      'unreadable',
      'The site showed an anti-bot check instead of the page, so I could not read it.',
    ],
    [
      '/challenge-200',
      'unreadable',
      'The site showed an anti-bot check instead of the page, so I could not read it.',
    ],
    [
      '/ddos-guard',
      'unreadable',
      'The site showed an anti-bot check instead of the page, so I could not read it.',
    ],
    ['/soft-404', 'not_found', 'The site says this page does not exist ("page not found").'],
    [
      '/cookie-wall',
      'unreadable',
      'The site showed only a cookie consent screen instead of the page, so I could not read it.',
    ],
    ['/empty', 'unreadable', 'The page has no readable text.'],
    [
      '/paywall',
      'unreadable',
      'The article is behind a paywall; I could only see its first lines, so I did not check it.',
    ],
  ])('%s → %s', async (path, code, message) => {
    const err = await failure(fetcher.fetchArticle(server.url(path)));
    expect({ code: err.code, message: err.message }).toEqual({ code, message });
  });
});

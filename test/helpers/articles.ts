/**
 * Small article pages for end-to-end tests (one that pushes a catalogue claim, one that debunks it,
 * one neutral), and testArticle() for tests that need an already extracted Article.
 */
import type { Article } from '../../src/model/types.js';

/** An extracted English HTML article with this text; `over` sets any other field. */
export function testArticle(text: string, over: Partial<Article> = {}): Article {
  return {
    url: 'https://news.example/story',
    canonicalUrl: null,
    title: 'Test page',
    byline: null,
    siteName: null,
    publishedAt: null,
    language: 'en',
    text,
    source: 'html',
    ...over,
  };
}

function page(title: string, lang: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Test News"><meta property="article:published_time" content="2023-10-24T09:00:00Z"></head>
<body><header><nav><a href="/">Главная</a> <a href="/politics">Политика</a></nav></header>
<main><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main>
<footer>© Test News</footer></body></html>`;
}

export const PROMOTING_RU = page('В Казахстане открылся центр НАТО', 'ru', [
  'В Алматы открылся миротворческий центр НАТО, где казахстанские военные будут обучаться по стандартам альянса.',
  'На церемонии открытия присутствовал посол США Дэниел Розенблюм, который перерезал красную ленту.',
  'Эксперты считают, что Астана окончательно выбрала западный вектор и готовится принимать натовских инструкторов.',
  'Ранее Казахстан уже участвовал в учениях с иностранными партнёрами, однако собственный центр альянса в республике появился впервые.',
]);

export const DEBUNKING_EN = page('No, NATO did not open a centre in Kazakhstan', 'en', [
  'Russian Telegram channels claimed in October 2023 that NATO had opened a peacekeeping centre in Almaty.',
  'That claim is false. Kazakhstan’s Defence Ministry said a conference hall built with US funding opened at its own Peacekeeping Operations Centre, which has operated since 2006.',
  'The ministry said reports of a “NATO centre” do not correspond to reality.',
  'The centre trains Kazakh peacekeepers to UN standards.',
]);

export const NEUTRAL_EN = page('Wheat harvest hits a record', 'en', [
  'Kazakhstan’s wheat harvest hit a record this year, the agriculture ministry said on Tuesday.',
  'Farmers in the north of the country gathered more than 20 million tonnes of grain.',
  'Exporters expect strong demand from Central Asian neighbours and China.',
]);

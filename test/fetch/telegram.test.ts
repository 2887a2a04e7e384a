import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/model/errors.js';
import { extractTelegramPost } from '../../src/fetch/telegram-post.js';
import { parseTelegramUrl, telegramEmbedUrl } from '../../src/links/telegram-url.js';
import { fixturePage } from '../helpers/fixture-server.js';

describe('parseTelegramUrl', () => {
  it.each([
    ['https://t.me/example_channel/1234', { kind: 'post', channel: 'example_channel', id: '1234' }],
    ['https://t.me/s/example_channel/1234', { kind: 'post', channel: 'example_channel', id: '1234' }],
    [
      'http://telegram.me/example_channel/1234?single',
      { kind: 'post', channel: 'example_channel', id: '1234' },
    ],
    ['https://T.ME/Example_Channel/77/', { kind: 'post', channel: 'Example_Channel', id: '77' }],
    ['https://telegram.dog/example_channel/5', { kind: 'post', channel: 'example_channel', id: '5' }],
    ['https://t.me/example_group/12/345', { kind: 'post', channel: 'example_group', id: '345' }],
    ['https://t.me/c/1234567890/55', { kind: 'private' }],
    ['https://t.me/example_channel', { kind: 'other' }],
    ['https://t.me/s/example_channel', { kind: 'other' }],
    ['https://t.me/joinchat/AAAAAE', { kind: 'other' }],
    ['https://t.me/share/url?url=x', { kind: 'other' }],
    ['https://t.me/example_channel/abc', { kind: 'other' }],
  ])('%s', (url, expected) => {
    expect(parseTelegramUrl(url)).toEqual(expected);
  });

  it.each([
    'https://news.example/t.me/a/1',
    'https://t.me.evil.example/a/1',
    'not a url',
  ])('%s is not Telegram', (url) => {
    expect(parseTelegramUrl(url)).toBeNull();
  });

  it('builds the embed preview address', () => {
    expect(telegramEmbedUrl('example_channel', '1234')).toBe(
      'https://t.me/example_channel/1234?embed=1&mode=tme',
    );
    expect(telegramEmbedUrl('c', '1', 'http://127.0.0.1:9/tg/')).toBe(
      'http://127.0.0.1:9/tg/c/1?embed=1&mode=tme',
    );
  });
});

function widget(inner: string): string {
  return `<html><body><div class="tgme_widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="example_channel/9"><div class="tgme_widget_message_bubble">${inner}</div></div></div></body></html>`;
}

function failureCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof FetchError ? err.code : 'not a FetchError';
  }
}

describe('extractTelegramPost', () => {
  it('reads the text, channel name and date of the fixture post and leaves the reply out', () => {
    const a = extractTelegramPost(
      fixturePage('telegram-post-embed.html').toString('utf8'),
      'example_channel',
      '1234',
    );
    expect(a).toMatchObject({
      url: 'https://t.me/example_channel/1234',
      byline: 'Пример Новости',
      siteName: 'Telegram',
      publishedAt: '2024-04-02T08:15:31+00:00',
      source: 'telegram',
      language: 'ru',
    });
    expect(a.title).toBe('⚠Штормовое предупреждение в Астане');
    expect(a.text.split('\n\n')).toEqual([
      '⚠Штормовое предупреждение в Астане',
      'Синоптики прогнозируют усиление ветра до 25 метров в секунду в ночь на среду. Жителей просят не оставлять автомобили под деревьями и рекламными щитами.',
      'Подробности на сайте: weather.example/astana',
      '#погода',
    ]);
  });

  it('names the original channel of a forwarded post', () => {
    const html = widget(
      '<div class="tgme_widget_message_author"><a class="tgme_widget_message_owner_name" href="https://t.me/example_channel"><span>Пример</span></a></div>' +
        '<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from <a class="tgme_widget_message_forwarded_from_name" href="https://t.me/other"><span>Другой канал</span></a></div>' +
        '<div class="tgme_widget_message_text js-message_text">Текст пересланного поста о погоде.</div>',
    );
    expect(extractTelegramPost(html, 'example_channel', '9').byline).toBe(
      'Пример (forwarded from Другой канал)',
    );
  });

  it('leaves a link preview out of the text', () => {
    const html = widget(
      '<div class="tgme_widget_message_text js-message_text">Смотрите статью.</div>' +
        '<a class="tgme_widget_message_link_preview" href="https://news.example/x"><div class="link_preview_title">Заголовок чужой статьи</div></a>',
    );
    expect(extractTelegramPost(html, 'example_channel', '9').text).toBe('Смотрите статью.');
  });

  it.each([
    ['a deleted post', '<div class="tgme_widget_message_error">Post not found</div>', 'not_found'],
    ['a private channel', '<div class="tgme_widget_message_error">Channel is private</div>', 'unreadable'],
    [
      'a photo-only post',
      widget('<a class="tgme_widget_message_photo_wrap" style="background-image:url(x.jpg)"></a>'),
      'unreadable',
    ],
    [
      'a page without a widget',
      '<html><body><p>Telegram: Contact @example_channel</p></body></html>',
      'unreadable',
    ],
  ])('reports %s', (_name, html, code) => {
    expect(failureCode(() => extractTelegramPost(html, 'example_channel', '9'))).toBe(code);
  });
});

/** sourceForUrl: listed domains with their subdomains, and Telegram channel links. */
import { describe, expect, it } from 'vitest';
import { createSourceLookup, telegramHandleOf } from '../../src/sources/lookup.js';
import type { Source } from '../../src/sources/schema.js';

function source(id: string, domains: string[], telegram: string[] = []): Source {
  return {
    id,
    name: id,
    domains,
    telegram,
    kind: 'state_media',
    classified_by: [{ who: 'Someone', url: 'https://example.org/a' }],
  };
}

const lookup = createSourceLookup([
  source('agency', ['agency.example', 'agency-news.test'], ['agency_news']),
  source('agency-kz', ['agency.kz']),
  source('agency-kz-ru', ['ru.agency.kz']),
  source('channel', [], ['Some_Channel']),
]);
const idFor = (url: string) => lookup.sourceForUrl(url)?.id ?? null;

describe('sourceForUrl', () => {
  it('matches a listed domain and any of its subdomains (www., m., language editions)', () => {
    expect(idFor('https://agency.example/news/1')).toBe('agency');
    expect(idFor('https://www.agency.example/news/1')).toBe('agency');
    expect(idFor('https://m.agency.example/news/1?utm_source=x')).toBe('agency');
    expect(idFor('http://en.m.agency-news.test/')).toBe('agency');
    expect(idFor('https://AGENCY.example./x')).toBe('agency');
  });

  it('prefers the most specific listed domain', () => {
    expect(idFor('https://agency.kz/a')).toBe('agency-kz');
    expect(idFor('https://kaz.agency.kz/a')).toBe('agency-kz');
    expect(idFor('https://ru.agency.kz/a')).toBe('agency-kz-ru');
    expect(idFor('https://m.ru.agency.kz/amp/a')).toBe('agency-kz-ru');
  });

  it('never matches a look-alike host', () => {
    expect(idFor('https://notagency.example/a')).toBeNull();
    expect(idFor('https://agency.example.evil.test/a')).toBeNull();
    expect(idFor('https://agency.kz.example.org/a')).toBeNull();
    expect(idFor('https://example/a')).toBeNull();
  });

  it('matches Telegram channel links by handle: t.me/<handle>, t.me/s/<handle>/<post>, any case', () => {
    expect(idFor('https://t.me/agency_news/123')).toBe('agency');
    expect(idFor('https://t.me/s/agency_news/123')).toBe('agency');
    expect(idFor('https://t.me/s/agency_news')).toBe('agency');
    expect(idFor('https://telegram.me/some_channel')).toBe('channel');
    expect(idFor('t.me/SOME_CHANNEL/9?single')).toBe('channel');
    expect(lookup.sourceForTelegram('@some_channel')?.id).toBe('channel');
  });

  it('does not match other Telegram links or unlisted channels', () => {
    expect(idFor('https://t.me/other_channel/5')).toBeNull();
    expect(idFor('https://t.me/joinchat/AAAAAE')).toBeNull();
    expect(idFor('https://t.me/+AbCdEf123')).toBeNull();
    expect(idFor('https://t.me/s/')).toBeNull();
    expect(idFor('https://t.me/c/123456/7')).toBeNull();
  });

  it('answers null for text that is not a web address', () => {
    expect(idFor('')).toBeNull();
    expect(idFor('agency.example is a site')).toBeNull();
    expect(idFor('ftp://agency.example/file')).toBeNull();
    expect(idFor('https://')).toBeNull();
  });

  it('reads the handle from a Telegram path', () => {
    expect(telegramHandleOf('/rian_ru/226521')).toBe('rian_ru');
    expect(telegramHandleOf('/s/rian_ru/226521')).toBe('rian_ru');
    expect(telegramHandleOf('/s')).toBeNull();
    expect(telegramHandleOf('/')).toBeNull();
  });
});

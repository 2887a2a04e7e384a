/**
 * The adapter on the real check pipeline (createCheckService: link extraction, normalization, the
 * lexical matcher, compose-reply), with only the article fetcher faked: Discord's `<url>` form and a
 * Telegram post link go all the way to an alert in a thread.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCheckService } from '../../../src/core/check-service.js';
import type { ArticleFetcher } from '../../../src/core/ports.js';
import type { Article } from '../../../src/core/types.js';
import { silentLogger } from '../../../src/logger.js';
import { createLexicalMatcher } from '../../../src/match/index.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { testCatalogue, testEntry } from '../../helpers/catalogue.js';
import { waitFor } from '../../helpers/fake-discord.js';
import { type Harness, startHarness } from './harness.js';
import { messagePayload } from './payloads.js';

const catalogue = testCatalogue([
  testEntry({
    id: 'nato-centre',
    title: { en: 'NATO opened a peacekeeping centre in Kazakhstan' },
    match: {
      concepts: { nato: { en: ['NATO'] }, centre: { en: ['peacekeeping centre'] } },
      patterns: [['nato', 'centre']],
    },
  }),
]);

const POST = 'NATO has opened a peacekeeping centre near Almaty. Troops will arrive next month.';

function article(url: string, text: string): Article {
  return {
    url,
    canonicalUrl: null,
    title: 'Channel post',
    byline: null,
    siteName: 'Telegram',
    publishedAt: null,
    language: 'en',
    text,
    source: 'telegram',
  };
}

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

describe('Discord bot on the real check pipeline', () => {
  it('extracts a suppressed-embed Telegram link, normalizes it, matches, and alerts in a thread', async () => {
    const fetched: string[] = [];
    const fetcher: ArticleFetcher = {
      async fetchArticle(url) {
        fetched.push(url);
        return article(url, POST);
      },
    };
    const service = createCheckService({
      catalogue,
      matcher: createLexicalMatcher(catalogue),
      fetcher,
      classifier: null,
      store: new MemoryStore(),
      logger: silentLogger,
      settings: { alertThreshold: 0.5, maxLinksPerMessage: 5, cacheTtlMs: 60_000, llmLabel: null },
    });
    h = await startHarness({}, service);
    const x = h;
    const msg = messagePayload({ content: 'Seen this? <https://t.me/somechannel/123?utm_source=share>' });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    const reply = await waitFor(
      () => x.fake.requestsTo('POST', /^\/channels\/\d+\/messages$/)[0],
      'the alert',
    );
    expect(fetched).toEqual(['https://t.me/somechannel/123']);
    const body = reply.body as {
      content: string;
      embeds: Array<{ fields: Array<{ name: string; value: string }> }>;
    };
    expect(body.content).toBe(
      'This article repeats a known false claim: NATO opened a peacekeeping centre in Kazakhstan.',
    );
    expect(body.embeds[0]?.fields[1]?.value).toBe('> NATO has opened a peacekeeping centre near Almaty.');
  });
});

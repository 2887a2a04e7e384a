/**
 * The adapter on the real check pipeline (createCheckService: link extraction, normalization, the
 * lexical matcher, compose-reply), with only the article fetcher faked: Discord's `<url>` form and a
 * Telegram post link go all the way to an alert in a thread.
 */
import { describe, expect, it } from 'vitest';
import { testCatalogue, testEntry } from '../../helpers/catalogue.js';
import { waitFor } from '../../helpers/fake-discord.js';
import { realCheckService } from '../../helpers/real-check-service.js';
import { harnessPerTest } from './harness.js';
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

const harness = harnessPerTest();

describe('Discord bot on the real check pipeline', () => {
  it('extracts a suppressed-embed Telegram link, normalizes it, matches, and alerts in a thread', async () => {
    const { service, fetched } = realCheckService(
      catalogue,
      { 'https://t.me/somechannel/123': POST },
      { cacheTtlMs: 60_000, article: { title: 'Channel post', siteName: 'Telegram', source: 'telegram' } },
    );
    const x = await harness({}, service);
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

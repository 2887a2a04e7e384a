/** Real Bolt against a fake Slack: message events in, chat.postMessage out. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/adapters/slack/actions.js';
import type { ApiCall } from '../../helpers/fake-slack.js';
import { URLS } from './fake-service.js';
import {
  BOT_TOKEN,
  eventFixture,
  fixture,
  type Harness,
  isRecord,
  jsonParam,
  startHarness,
} from './harness.js';

let h: Harness;

async function settled(): Promise<void> {
  await h.slack.idle();
}

async function firstPost(): Promise<ApiCall> {
  return h.fake.waitFor(() => h.fake.callsTo('chat.postMessage')[0], 5_000, 'chat.postMessage');
}

function blocksText(call: ApiCall): string {
  return JSON.stringify(jsonParam(call.params, 'blocks'));
}

describe('Slack message events', () => {
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('replies in the thread of a plain message with a link, in Block Kit, without unfurls or mentions', async () => {
    const res = await h.sendEvent(fixture('message-with-link.json'));
    expect(res.status).toBe(200);
    const post = await firstPost();
    expect(post.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post.params.channel).toBe('C0NEWSDESK');
    expect(post.params.thread_ts).toBe('1732190000.000100');
    expect(post.params.unfurl_links).toBe('false');
    expect(post.params.unfurl_media).toBe('false');
    const blocks = jsonParam(post.params, 'blocks');
    expect(Array.isArray(blocks)).toBe(true);
    const text = blocksText(post);
    // Verdict first, then the entry, the denial with its link and quote, the evidence, stance and method.
    expect(
      text.indexOf('This article repeats a known false claim: NATO opened a centre in Kazakhstan.'),
    ).toBeGreaterThan(0);
    expect(text.indexOf('This article repeats a known false claim')).toBeLessThan(
      text.indexOf('Ministry of Defence'),
    );
    expect(text).toContain('<https://example.org/denial?a=1&amp;b=2|Ministry of Defence (test)>');
    expect(text).toContain('The article promotes it · confidence 87% · lexical');
    expect(text).toContain('catalogue version test-2026.abc123');
    // Article text cannot ping anyone: <!channel>, <!here> and <@U…> arrive escaped.
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;@U0BOSS&gt; &amp; friends');
    expect(text).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
    expect(post.params.text).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
    expect(post.params.text).toContain('This article repeats a known false claim');
    // Feedback buttons carry the entry id.
    expect(text).toContain(ACTION.helpful);
    expect(text).toContain(ACTION.wrong);
    expect(text).toContain('"value":"nato-centre"');
    // The check saw the text link and the rich_text link of the same message.
    expect(h.service.checks).toHaveLength(1);
    expect(h.service.checks[0]).toEqual([URLS.alert]);
  });

  it('finds links that exist only as rich_text link elements', async () => {
    await h.sendEvent(fixture('message-rich-text-link.json'));
    const post = await firstPost();
    expect(post.params.thread_ts).toBe('1732190010.000200');
    expect(h.service.checks[0]).toEqual([URLS.alert, URLS.neutral]);
    expect(blocksText(post)).toContain('NATO opened a centre in Kazakhstan');
  });

  it('answers a thread reply in the same thread (the root ts), not in a new one', async () => {
    await h.sendEvent(fixture('thread-reply.json'));
    const post = await firstPost();
    expect(post.params.thread_ts).toBe('1732190000.000100');
  });

  it('checks only the link an edit added, and replies under the edited message', async () => {
    await h.sendEvent(fixture('message-changed-adds-link.json'));
    const post = await firstPost();
    expect(post.params.thread_ts).toBe('1732190200.000400');
    expect(h.service.checks).toHaveLength(1);
    expect(h.service.checks[0]).toEqual([URLS.alert]);
  });

  it('ignores an edit that adds no link (e.g. a reply count or unfurl update)', async () => {
    const ev = fixture('message-changed-adds-link.json').event;
    const now = isRecord(ev) ? ev.message : undefined;
    await h.sendEvent(
      eventFixture('message-changed-adds-link.json', {
        event_id: 'Ev0NOCHANGE',
        event: { previous_message: now },
      }),
    );
    await settled();
    expect(h.service.checks).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it.each([
    ['another bot (subtype bot_message)', 'bot-message.json'],
    ["the bot's own reply", 'own-message.json'],
    ['a channel_join', 'channel-join.json'],
  ])('ignores %s', async (_label, name) => {
    const res = await h.sendEvent(fixture(name));
    expect(res.status).toBe(200);
    await settled();
    expect(h.service.checks).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('checks the links in the comment of a file_share (a person posting a file)', async () => {
    await h.sendEvent(fixture('file-share.json'));
    const post = await firstPost();
    expect(post.params.thread_ts).toBe('1732190500.000800');
  });

  it('replies exactly once when Slack delivers the same event three times (X-Slack-Retry-Num)', async () => {
    const body = fixture('message-with-link.json');
    const responses = await Promise.all([
      h.sendEvent(body),
      h.sendEvent(body, { retryNum: 1 }),
      h.sendEvent(body, { retryNum: 2 }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await firstPost();
    await settled();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.service.checks).toHaveLength(1);
  });

  it('replies once to the same message and links even under different event ids', async () => {
    await h.sendEvent(fixture('message-with-link.json'));
    await firstPost();
    await h.sendEvent(eventFixture('message-with-link.json', { event_id: 'Ev0SAMEMESSAGE' }));
    await settled();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('stays silent for a debunking article and for a page it could not read (default settings)', async () => {
    const text = `Two links: <${URLS.debunk}> and <${URLS.unreadable}>`;
    await h.sendEvent(eventFixture('message-with-link.json', { event: { text, blocks: [] } }));
    await settled();
    expect(h.service.checks).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('stays silent for a message without links, without calling the checker', async () => {
    await h.sendEvent(
      eventFixture('message-with-link.json', { event: { text: 'Lunch at noon?', blocks: [] } }),
    );
    await settled();
    expect(h.service.checks).toHaveLength(0);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('rejects a request with a bad signature (401) and a stale one, without checking anything', async () => {
    const bad = await h.sendEvent(fixture('message-with-link.json'), { signWith: 'not-the-secret' });
    expect(bad.status).toBe(401);
    const stale = await h.sendEvent(fixture('message-with-link.json'), {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);
    await settled();
    expect(h.service.checks).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('posts after a Web API 429 with Retry-After: 1 (the client waits and retries)', async () => {
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    await h.sendEvent(fixture('message-with-link.json'));
    const post = await firstPost();
    const attempts = h.fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(post.params.thread_ts).toBe('1732190000.000100');
    expect(h.logs.some((l) => l.msg.includes('rate limit'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { richTextLinks } from '../../../src/adapters/slack/slack-links.js';
import { hasLinks } from '../../../src/conversation/parse-command.js';
import { extractLinks } from '../../../src/links/extract-links.js';
import { type TranslateContext, toChatMessage } from '../../../src/adapters/slack/to-chat-message.js';
import { linksToCheck } from '../../../src/conversation/handle-message.js';
import { BOT } from '../../helpers/fake-slack.js';
import { URLS } from './fake-service.js';
import { fixture, isRecord } from './harness.js';

const ctx: TranslateContext = { teamId: 'T0NEWSROOM', botUserId: BOT.userId, botId: BOT.botId };

function event(name: string): unknown {
  return fixture(name).event;
}

function patched(name: string, patch: Record<string, unknown>): unknown {
  const ev = event(name);
  return isRecord(ev) ? { ...ev, ...patch } : ev;
}

/** A message's links as the core finds them: text and rich_text links, normalized, uncapped. */
const slackMessageLinks = (text: string, blocks: readonly unknown[] | undefined): string[] =>
  extractLinks(text, richTextLinks(blocks), Number.POSITIVE_INFINITY).links;

describe('links in Slack messages', () => {
  it('reads <url|label> markup, bare URLs and rich_text link elements, normalized and deduplicated', () => {
    const ev = event('message-rich-text-link.json');
    const blocks = isRecord(ev) && Array.isArray(ev.blocks) ? ev.blocks : [];
    expect(richTextLinks(blocks)).toEqual([URLS.alert, URLS.neutral]);
    expect(slackMessageLinks(`see <${URLS.alert}?utm_source=tg|this> and ${URLS.neutral}.`, blocks)).toEqual([
      URLS.alert,
      URLS.neutral,
    ]);
    expect(
      slackMessageLinks('<mailto:a@b.example|mail> <#C123|general> <@U1> ftp://x.example', undefined),
    ).toEqual([]);
    expect(hasLinks('nato-centre')).toBe(false);
    expect(hasLinks('<https://news.example/a>')).toBe(true);
  });
});

/** The links the conversation core would check for this event (the real rule, uncapped). */
function linksOf(t: ReturnType<typeof toChatMessage>): string[] | string {
  return t.kind === 'event' ? linksToCheck(t.event, 50).links : t.reason;
}

describe('toChatMessage', () => {
  it('translates a plain message with a link', () => {
    const t = toChatMessage(event('message-with-link.json'), ctx);
    expect(t).toEqual({
      kind: 'event',
      event: {
        message: {
          platform: 'slack',
          text: `Is this true? <${URLS.alert}>`,
          extraLinks: [URLS.alert],
          channelId: 'C0NEWSDESK',
          messageId: '1732190000.000100',
          threadId: null,
          authorId: 'U0JOURNO1',
          teamId: 'T0NEWSROOM',
        },
      },
    });
    expect(linksOf(t)).toEqual([URLS.alert]);
  });

  it('keeps the thread root of a thread reply', () => {
    const t = toChatMessage(event('thread-reply.json'), ctx);
    expect(t.kind === 'event' && t.event.message.threadId).toBe('1732190000.000100');
  });

  it('hands on the edit with the text it had before, so that only the added links are checked', () => {
    const t = toChatMessage(event('message-changed-adds-link.json'), ctx);
    expect(t).toMatchObject({ kind: 'event', event: { message: { messageId: '1732190200.000400' } } });
    expect(t.kind === 'event' && t.event.before).toBeTruthy();
    expect(linksOf(t)).toEqual([URLS.alert]);
  });

  it.each([
    ['bot-message.json', {}, 'bot'],
    ['own-message.json', {}, 'own_message'],
    // Bolt drops messages whose user is the bot; one that only carries the bot id is caught here.
    ['own-message.json', { user: undefined }, 'own_message'],
    ['message-with-link.json', { bot_id: 'B0OTHER' }, 'bot'],
    ['channel-join.json', {}, 'subtype'],
    ['message-with-link.json', { subtype: 'message_deleted' }, 'subtype'],
    ['message-with-link.json', { subtype: 'channel_topic' }, 'subtype'],
    ['message-with-link.json', { channel: 42 }, 'not_a_message'],
  ] as const)('ignores %s with %o (%s)', (name, patch, reason) => {
    expect(toChatMessage(patched(name, patch), ctx)).toEqual({ kind: 'ignore', reason });
  });

  it('hands on a message without links; the core finds nothing to check', () => {
    const t = toChatMessage(patched('message-with-link.json', { text: 'no links here', blocks: [] }), ctx);
    expect(linksOf(t)).toEqual([]);
  });

  it('ignores an edit by a bot and an edit of its own message; an edit without new links has none to check', () => {
    const ev = event('message-changed-adds-link.json');
    const inner = isRecord(ev) && isRecord(ev.message) ? ev.message : {};
    expect(
      toChatMessage(patched('message-changed-adds-link.json', { message: { ...inner, bot_id: 'B0X' } }), ctx),
    ).toEqual({ kind: 'ignore', reason: 'bot' });
    expect(
      toChatMessage(
        patched('message-changed-adds-link.json', { message: { ...inner, user: BOT.userId } }),
        ctx,
      ),
    ).toEqual({ kind: 'ignore', reason: 'own_message' });
    expect(
      linksOf(toChatMessage(patched('message-changed-adds-link.json', { previous_message: inner }), ctx)),
    ).toEqual([]);
  });

  it('does not count a link whose edit only added tracking parameters as new', () => {
    const ev = event('message-changed-adds-link.json');
    const inner = isRecord(ev) && isRecord(ev.message) ? ev.message : {};
    const prev = { ...inner, text: `<${URLS.alert}>`, blocks: [] };
    const now = { ...inner, text: `<${URLS.alert}?utm_source=telegram&amp;fbclid=abc>`, blocks: [] };
    expect(
      linksOf(
        toChatMessage(
          patched('message-changed-adds-link.json', { message: now, previous_message: prev }),
          ctx,
        ),
      ),
    ).toEqual([]);
  });

  it('accepts a thread reply also sent to the channel and a file shared with a comment', () => {
    expect(toChatMessage(patched('thread-reply.json', { subtype: 'thread_broadcast' }), ctx).kind).toBe(
      'event',
    );
    expect(toChatMessage(event('file-share.json'), ctx)).toMatchObject({
      kind: 'event',
      event: { message: { authorId: 'U0JOURNO1' } },
    });
  });
});

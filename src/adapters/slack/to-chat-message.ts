/**
 * A Slack `message` event → a platform-neutral ChatMessage, or the reason it is ignored.
 * Only a person posting counts: the bot's own messages, other bots, and system subtypes
 * (channel_join, message_deleted, …) are ignored. An edit (`message_changed`) is checked only for
 * the links it added.
 */
import { z } from 'zod';
import type { ChatMessage } from '../../core/types.js';
import { richTextLinks, slackMessageLinks } from './slack-links.js';

const innerMessage = z.object({
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  blocks: z.array(z.unknown()).optional(),
});

const messageEvent = innerMessage.extend({
  type: z.literal('message'),
  channel: z.string(),
  channel_type: z.string().optional(),
  message: innerMessage.optional(),
  previous_message: innerMessage.optional(),
});

/**
 * Subtypes where a person posted: a plain message (no subtype), a thread reply also sent to the
 * channel, a `/me` message, and a file shared with a comment (the comment's links are checked; the
 * file itself is not read).
 */
const PERSON_SUBTYPES: ReadonlySet<string | undefined> = new Set([
  undefined,
  'thread_broadcast',
  'me_message',
  'file_share',
]);

export type IgnoreReason = 'not_a_message' | 'own_message' | 'bot' | 'subtype' | 'no_links' | 'no_new_links';

export type Translation =
  | {
      kind: 'check';
      message: ChatMessage;
      /** The links this translation is about (for an edit: only the added ones). */
      links: string[];
      edit: boolean;
    }
  | { kind: 'ignore'; reason: IgnoreReason };

export interface TranslateContext {
  teamId: string | null;
  /** From auth.test, via Bolt's context: the bot's own user and bot ids. */
  botUserId: string | null;
  botId: string | null;
}

type Inner = z.infer<typeof innerMessage>;

function whoIgnores(m: Inner, ctx: TranslateContext): IgnoreReason | null {
  if ((ctx.botUserId && m.user === ctx.botUserId) || (ctx.botId && m.bot_id === ctx.botId))
    return 'own_message';
  if (m.bot_id || m.subtype === 'bot_message') return 'bot';
  if (!PERSON_SUBTYPES.has(m.subtype) || !m.user) return 'subtype';
  return null;
}

function linksOf(m: Inner): string[] {
  return slackMessageLinks(m.text ?? '', m.blocks);
}

function ignore(reason: IgnoreReason): Translation {
  return { kind: 'ignore', reason };
}

export function toChatMessage(event: unknown, ctx: TranslateContext): Translation {
  const parsed = messageEvent.safeParse(event);
  if (!parsed.success) return ignore('not_a_message');
  const ev = parsed.data;
  const base = { platform: 'slack' as const, channelId: ev.channel, teamId: ctx.teamId };

  if (ev.subtype === 'message_changed') {
    const now = ev.message;
    if (!now) return ignore('not_a_message');
    const why = whoIgnores(now, ctx);
    if (why) return ignore(why);
    const before = new Set(ev.previous_message ? linksOf(ev.previous_message) : []);
    const added = linksOf(now).filter((l) => !before.has(l));
    if (added.length === 0) return ignore('no_new_links');
    const message: ChatMessage = {
      ...base,
      // Only the added links are handed on: the others were checked when the message was posted.
      text: '',
      extraLinks: added,
      messageId: now.ts,
      threadId: now.thread_ts ?? null,
      authorId: now.user ?? '',
    };
    return { kind: 'check', message, links: added, edit: true };
  }

  const why = whoIgnores(ev, ctx);
  if (why) return ignore(why);
  const links = linksOf(ev);
  if (links.length === 0) return ignore('no_links');
  const message: ChatMessage = {
    ...base,
    text: ev.text ?? '',
    // The text carries its own links; rich_text link elements go along as structured links.
    extraLinks: [...new Set(richTextLinks(ev.blocks))],
    messageId: ev.ts,
    threadId: ev.thread_ts ?? null,
    authorId: ev.user ?? '',
  };
  return { kind: 'check', message, links, edit: false };
}

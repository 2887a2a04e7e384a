/**
 * A Slack `message` event → a platform-neutral ChatMessage, or the reason it is ignored.
 * Only a person posting counts: the bot's own messages, other bots, and system subtypes
 * (channel_join, message_deleted, …) are ignored. An edit (`message_changed`) is checked only for
 * the links it added.
 */
import { z } from 'zod';
import type { ChatMessage } from '../../model/types.js';
import type { ChatEvent } from '../../conversation/ports.js';
import { richTextLinks } from './slack-links.js';

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

export type IgnoreReason = 'not_a_message' | 'own_message' | 'bot' | 'subtype';

/** A person's message (or an edit of one) for the conversation core, or why it is not one. */
export type Translation = { kind: 'event'; event: ChatEvent } | { kind: 'ignore'; reason: IgnoreReason };

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

function ignore(reason: IgnoreReason): Translation {
  return { kind: 'ignore', reason };
}

function toMessage(m: Inner, base: Pick<ChatMessage, 'platform' | 'channelId' | 'teamId'>): ChatMessage {
  return {
    ...base,
    text: m.text ?? '',
    // The text carries its own links; rich_text link elements go along as structured links.
    extraLinks: [...new Set(richTextLinks(m.blocks))],
    messageId: m.ts,
    threadId: m.thread_ts ?? null,
    authorId: m.user ?? '',
  };
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
    const prev = ev.previous_message;
    // The core checks only the links the edit added: the others were checked when it was posted.
    const before = { text: prev?.text ?? '', extraLinks: prev ? richTextLinks(prev.blocks) : [] };
    return { kind: 'event', event: { message: toMessage(now, base), before } };
  }

  const why = whoIgnores(ev, ctx);
  if (why) return ignore(why);
  return { kind: 'event', event: { message: toMessage(ev, base) } };
}

/**
 * A discord.js Message → the platform-neutral ChatMessage, or the reason it is ignored: bots
 * (this one included), webhooks, system messages and anything that is not a person posting, and
 * channels outside the allowlist.
 */
import { type Message, MessageType } from 'discord.js';
import type { ChatMessage } from '../../model/types.js';

/** The plain facts of a message that the decisions below need (pure, easy to test). */
export interface MessageFacts {
  id: string;
  content: string;
  /** Where the message was posted: a channel, or a thread. */
  channelId: string;
  /** The thread's parent channel when the message is in a thread. */
  parentId: string | null;
  inThread: boolean;
  guildId: string | null;
  authorId: string | null;
  authorIsBot: boolean;
  webhookId: string | null;
  system: boolean;
  type: number;
  partial: boolean;
}

export function messageFacts(m: Message): MessageFacts {
  const inThread = m.channel.isThread();
  return {
    id: m.id,
    content: m.content ?? '',
    channelId: m.channelId,
    parentId: m.channel.isThread() ? m.channel.parentId : null,
    inThread,
    guildId: m.guildId,
    authorId: m.author?.id ?? null,
    authorIsBot: m.author?.bot ?? false,
    webhookId: m.webhookId,
    system: m.system ?? false,
    type: m.type ?? MessageType.Default,
    partial: m.partial,
  };
}

const PERSON_TYPES: ReadonlySet<number> = new Set([MessageType.Default, MessageType.Reply]);

/** A message may be read when its channel, or its thread's parent, is allowed (empty list = all). */
export function channelAllowed(
  f: Pick<MessageFacts, 'channelId' | 'parentId'>,
  allowlist: readonly string[],
): boolean {
  if (allowlist.length === 0) return true;
  return allowlist.includes(f.channelId) || (f.parentId !== null && allowlist.includes(f.parentId));
}

/** Why the message is not for us, or null when it is. */
export function ignoreReason(
  f: MessageFacts,
  botUserId: string | null,
  allowlist: readonly string[],
): string | null {
  if (f.partial) return 'partial message';
  if (f.authorId !== null && f.authorId === botUserId) return 'own message';
  if (f.webhookId) return 'webhook message';
  if (f.authorIsBot) return 'bot message';
  if (f.system || !PERSON_TYPES.has(f.type)) return 'system message';
  if (f.authorId === null) return 'no author';
  if (!channelAllowed(f, allowlist)) return 'channel not allowed';
  return null;
}

export function toChatMessage(f: MessageFacts): ChatMessage {
  return {
    platform: 'discord',
    text: f.content,
    extraLinks: [],
    channelId: f.inThread && f.parentId ? f.parentId : f.channelId,
    messageId: f.id,
    threadId: f.inThread ? f.channelId : null,
    authorId: f.authorId ?? '',
    teamId: f.guildId,
  };
}

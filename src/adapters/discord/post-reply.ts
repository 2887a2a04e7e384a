/**
 * Posts a reply for a channel message: in a new thread on that message when it is in a text or
 * announcement channel; in place (a reply to the message) when it is already in a thread, when the
 * channel cannot hold threads, or when Discord refuses the thread (missing permissions and the like).
 * Nobody is ever mentioned.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ChannelType,
  DiscordAPIError,
  DiscordjsError,
  type Message,
  MessageFlags,
} from 'discord.js';
import type { Logger } from '../../model/ports.js';
import { errorInfo } from './error-info.js';

export interface Outgoing {
  content: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** For plain lines: no link previews. (Never with embeds: the flag would hide them too.) */
  suppressEmbeds?: boolean;
}

export interface Posted {
  where: 'thread' | 'existing-thread' | 'in-place';
  messageId: string;
  channelId: string;
}

export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

function payload(out: Outgoing) {
  return {
    content: out.content,
    embeds: out.embeds ?? [],
    components: out.components ?? [],
    allowedMentions: { parse: [] },
    ...(out.suppressEmbeds ? { flags: MessageFlags.SuppressEmbeds as const } : {}),
  };
}

/** Discord said no to this action here (permissions, channel type, thread exists): try another way. */
export function isRefusal(err: unknown): boolean {
  if (err instanceof DiscordjsError) return true;
  return err instanceof DiscordAPIError && err.status >= 400 && err.status < 500 && err.status !== 429;
}

async function replyInPlace(message: Message, out: Outgoing): Promise<Posted> {
  const sent = await message.reply({ ...payload(out), allowedMentions: NO_MENTIONS, failIfNotExists: false });
  return { where: 'in-place', messageId: sent.id, channelId: sent.channelId };
}

export async function postReply(
  message: Message,
  out: Outgoing,
  name: string,
  logger: Logger,
): Promise<Posted> {
  const channel = message.channel;
  if (channel.isThread()) return replyInPlace(message, out);

  const existing = message.hasThread ? message.thread : null;
  if (existing) {
    try {
      const sent = await existing.send(payload(out));
      return { where: 'existing-thread', messageId: sent.id, channelId: sent.channelId };
    } catch (err) {
      if (!isRefusal(err)) throw err;
      logger.warn(
        { messageId: message.id, ...errorInfo(err) },
        'could not post in the existing thread; replying in place',
      );
      return replyInPlace(message, out);
    }
  }

  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return replyInPlace(message, out);
  }

  let thread: Awaited<ReturnType<Message['startThread']>>;
  try {
    thread = await message.startThread({ name });
  } catch (err) {
    if (!isRefusal(err)) throw err;
    logger.warn({ messageId: message.id, ...errorInfo(err) }, 'could not start a thread; replying in place');
    return replyInPlace(message, out);
  }
  try {
    const sent = await thread.send(payload(out));
    return { where: 'thread', messageId: sent.id, channelId: sent.channelId };
  } catch (err) {
    if (!isRefusal(err)) throw err;
    logger.warn(
      { messageId: message.id, ...errorInfo(err) },
      'could not post in the new thread; replying in place',
    );
    return replyInPlace(message, out);
  }
}

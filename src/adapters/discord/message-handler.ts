/**
 * A message (or an edit of one) in an allowed channel → the conversation core, which decides
 * whether and what to answer, once per message and link set however the events arrive (gateway
 * replays after a resume, MESSAGE_CREATE twice, MESSAGE_UPDATE after every link preview, several
 * replicas on one store). This file only translates and posts. It never throws.
 */
import type { Message, PartialMessage } from 'discord.js';
import { handleMessage as converse } from '../../conversation/handle-message.js';
import type { DiscordContext } from './context.js';
import { errorInfo } from './error-info.js';
import { ignoreReason, messageFacts, toChatMessage } from './to-chat-message.js';
import { discordTransport } from './transport.js';

export async function handleMessage(
  message: Message,
  ctx: DiscordContext,
  event: 'create' | 'update',
  old?: Message | PartialMessage,
): Promise<void> {
  const facts = messageFacts(message);
  const log = ctx.logger.child({
    event,
    messageId: facts.id,
    channelId: facts.channelId,
    guildId: facts.guildId,
  });
  const reason = ignoreReason(facts, ctx.botUserId(), ctx.config.discord?.channels ?? []);
  if (reason !== null) {
    log.debug({ outcome: 'ignored', reason }, 'message ignored');
    return;
  }
  // For an edit whose old text discord.js still has, only the links it added are checked.
  const before =
    event === 'update' && old && !old.partial ? { text: old.content ?? '', extraLinks: [] } : null;
  const chatEvent = { message: toChatMessage(facts), before };
  if (ctx.jobs) {
    try {
      const r = await ctx.jobs.enqueueMessage(chatEvent);
      const why = r === 'ignored' ? { reason: before ? 'no new links' : 'no links' } : {};
      log.info({ outcome: r === 'queued' ? 'queued' : r, ...why }, 'message event stored as a job');
      return;
    } catch (err) {
      // Discord never delivers a message again: rather than lose it while the queue's database is
      // down, answer it here, in this process (bounded by admission control like every check).
      log.warn({ ...errorInfo(err) }, 'queue unavailable: answering in this process, not durably');
      ctx.onQueueFallback?.();
    }
  }
  try {
    await converse(chatEvent, discordTransport(message, log), {
      ...ctx.conversation,
      logger: log,
    });
  } catch (err) {
    log.error({ outcome: 'failed', ...errorInfo(err) }, 'could not answer a message');
  }
}

/**
 * A message with links in an allowed channel → check → one reply (in a thread on it, or in place).
 * One reply per message however the events arrive: the gateway replays events after a resume,
 * MESSAGE_CREATE may come twice, MESSAGE_UPDATE follows every link preview and may add a link, and
 * several replicas may share the store. An atomic once-marker in the store decides.
 * This is the error boundary for message events: it logs and never throws.
 */
import type { Message } from 'discord.js';
import { composeReply } from '../../core/compose-reply.js';
import { feedbackButtons, row } from './components.js';
import type { DiscordContext } from './context.js';
import { errorInfo } from './error-info.js';
import { replyLang } from './locale.js';
import { type Outgoing, postReply } from './post-reply.js';
import { renderReplyEmbeds } from './render-embeds.js';
import { alertEntryIds, planChannelReply, threadName } from './reply-policy.js';
import { ignoreReason, messageFacts, toChatMessage } from './to-chat-message.js';

/** Cheap test before touching the store: could this text hold a link at all? */
const LINK_HINT = /https?:\/\/|www\.|(?:t|telegram)\.me\//i;
/** Messages can be edited long after they were posted; the marker outlives any plausible replay. */
export const ONCE_TTL_MS = 30 * 24 * 3_600_000;
export const NEUTRAL_LINE =
  'Sorry, I could not check this link just now. You can try again later with /claimcheck.';

export function onceKey(channelId: string, messageId: string): string {
  return `discord:reply:${channelId}:${messageId}`;
}

export async function handleMessage(
  message: Message,
  ctx: DiscordContext,
  event: 'create' | 'update',
): Promise<void> {
  const facts = messageFacts(message);
  const log = ctx.logger.child({
    event,
    messageId: facts.id,
    channelId: facts.channelId,
    guildId: facts.guildId,
  });
  const reason = ignoreReason(facts, ctx.botUserId(), ctx.config.discord?.channels ?? []);
  if (reason !== null || !LINK_HINT.test(facts.content)) {
    log.debug({ outcome: 'ignored', reason: reason ?? 'no links' }, 'message ignored');
    return;
  }
  const key = onceKey(facts.channelId, facts.id);
  if (!(await ctx.store.setIfAbsent(key, { event, at: new Date().toISOString() }, ONCE_TTL_MS))) {
    log.info({ outcome: 'duplicate' }, 'message already answered');
    return;
  }

  let stage: 'check' | 'post' = 'check';
  try {
    const check = await ctx.service.checkMessage(toChatMessage(facts));
    if (check.details.length === 0) {
      await ctx.store.delete(key); // an edit may add a real link later
      log.debug({ outcome: 'ignored', reason: 'no links' }, 'message ignored');
      return;
    }
    const reply = composeReply(check.details, {
      catalogue: ctx.service.catalogue(),
      alertThreshold: ctx.config.alertThreshold,
      skipped: check.skipped,
      lang: replyLang(message.guild?.preferredLocale),
    });
    const plan = planChannelReply(reply, ctx.config);
    const links = check.details.length;
    if (plan.kind === 'silent') {
      log.info({ outcome: 'silent', reason: plan.reason, links }, 'no reply needed');
      return;
    }
    const out: Outgoing =
      plan.kind === 'alert'
        ? { ...renderReplyEmbeds(reply), components: [row(feedbackButtons(alertEntryIds(reply)))] }
        : { content: plan.text, suppressEmbeds: true };
    stage = 'post';
    const posted = await postReply(message, out, threadName(reply), log);
    log.info({ outcome: plan.kind, where: posted.where, replyId: posted.messageId, links }, 'replied');
  } catch (err) {
    log.error({ outcome: 'failed', stage, ...errorInfo(err) }, 'could not answer a message');
    if (stage === 'post') {
      // Nothing was posted: let a re-delivery of this event try again.
      await ctx.store.delete(key);
      return;
    }
    try {
      await postReply(message, { content: NEUTRAL_LINE, suppressEmbeds: true }, 'Link check', log);
    } catch (postErr) {
      log.error({ ...errorInfo(postErr) }, 'could not post the apology either');
    }
  }
}

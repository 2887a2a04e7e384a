/**
 * Buttons: "Helpful" / "Wrong match" under an alert (the vote is stored with who and when and
 * answered ephemerally), and "Share in channel" under an ephemeral /claimcheck answer.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import { answerFeedback } from '../../conversation/answer-button.js';
import type { FeedbackVerdict } from '../../store/feedback.js';
import { ACTION, decodeEntryIds, decodeShareKey } from './actions.js';
import { neutralError } from '../../lang/phrases/index.js';
import type { SlackContext } from './context.js';
import { type SharedReply, shareKey } from './on-command.js';
import { cannotPostHere, postMessage, type WebClient } from './post.js';
import { renderReplyBlocks } from './render-blocks.js';

const clickBody = z.object({
  user: z.object({ id: z.string() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z
    .object({
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
    })
    .optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z
    .array(
      z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() }),
    )
    .min(1),
});

type Click = z.infer<typeof clickBody>;

function where(b: Click): { channelId: string; messageTs: string; threadTs: string | null } {
  const channelId = b.channel?.id ?? b.container?.channel_id;
  const messageTs = b.message?.ts ?? b.container?.message_ts;
  if (!channelId || !messageTs) throw new Error('button click without a channel or a message');
  return { channelId, messageTs, threadTs: b.message?.thread_ts ?? b.container?.thread_ts ?? null };
}

/** Tells the clicking user something only they see: chat.postEphemeral, or response_url if that fails. */
async function tellUser(
  ctx: SlackContext,
  client: WebClient,
  respond: RespondFn,
  to: { channelId: string; userId: string; threadTs: string | null },
  text: string,
): Promise<void> {
  try {
    await client.chat.postEphemeral({
      channel: to.channelId,
      user: to.userId,
      text,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
    });
  } catch (err) {
    ctx.logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'slack: postEphemeral failed; using response_url',
    );
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  }
}

function onFeedback(app: App, ctx: SlackContext, actionId: string, verdict: FeedbackVerdict): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client, respond }) => {
    await ack();
    const actionTs = body.actions[0]?.action_ts ?? '-';
    ctx.background.run(
      { kind: 'action', eventId: actionTs },
      async () => {
        const b = clickBody.parse(body);
        const at = where(b);
        const teamId = b.team?.id ?? null;
        const { language } = await ctx.settings.forChannel('slack', teamId, at.channelId);
        const { text, entryIds } = await answerFeedback(
          {
            platform: 'slack',
            teamId,
            channelId: at.channelId,
            messageId: at.messageTs,
            entryIds: decodeEntryIds(b.actions[0]?.value),
            verdict,
            userId: b.user.id,
          },
          ctx,
          language,
        );
        ctx.logger.info(
          { eventId: actionTs, verdict, entryIds, channel: at.channelId },
          'slack: feedback recorded',
        );
        await tellUser(ctx, client, respond, { ...at, userId: b.user.id }, text);
      },
      () => respond({ response_type: 'ephemeral', replace_original: false, text: neutralError() }),
    );
  });
}

function onShare(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, body, client, respond }) => {
    await ack();
    const actionTs = body.actions[0]?.action_ts ?? '-';
    ctx.background.run(
      { kind: 'action', eventId: actionTs },
      async () => {
        const b = clickBody.parse(body);
        const channelId = b.channel?.id ?? b.container?.channel_id;
        const key = decodeShareKey(b.actions[0]?.value);
        const saved = key ? await ctx.store.get<SharedReply>(shareKey(key)) : undefined;
        if (!channelId || !saved) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: 'This result has expired. Run /claimcheck again to share it.',
          });
          return;
        }
        const msg = renderReplyBlocks(saved.reply, { mode: 'full', buttons: 'feedback' });
        try {
          await postMessage(client, channelId, msg, null);
        } catch (err) {
          if (!cannotPostHere(err)) throw err;
          // The bot is not in this channel: the command's response_url may still post there.
          await respond({
            response_type: 'in_channel',
            replace_original: false,
            text: msg.text,
            blocks: msg.blocks,
            unfurl_links: false,
            unfurl_media: false,
          });
        }
        await respond({ response_type: 'ephemeral', replace_original: true, text: 'Shared in the channel.' });
        ctx.logger.info(
          { eventId: actionTs, channel: channelId, userId: b.user.id },
          'slack: reply shared in channel',
        );
      },
      () => respond({ response_type: 'ephemeral', replace_original: false, text: neutralError() }),
    );
  });
}

export function onActions(app: App, ctx: SlackContext): void {
  onFeedback(app, ctx, ACTION.helpful, 'helpful');
  onFeedback(app, ctx, ACTION.wrong, 'wrong');
  onShare(app, ctx);
}

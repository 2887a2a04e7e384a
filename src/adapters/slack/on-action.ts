/**
 * Buttons: "Helpful" / "Wrong match" under an alert (the vote is stored with who and when and
 * answered ephemerally), and "Share in channel" under an ephemeral /claimcheck answer. Each click is
 * stored as a durable job (keyed by action_ts, user and action id) BEFORE Slack is acknowledged;
 * any replica's worker answers it (interaction-transport.ts). A click that cannot be placed is
 * answered here with the neutral line.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { InteractionEvent, Ask } from '../../conversation/interaction-jobs.js';
import type { FeedbackVerdict } from '../../store/feedback.js';
import { ACTION, decodeEntryIds, decodeShareKey } from './actions.js';
import { neutralError } from '../../lang/phrases/index.js';
import { describeError } from './background.js';
import type { SlackContext } from './context.js';
import type { SlackReplyTo } from './on-command.js';
import { RESPONSE_URL_MS } from './response-url.js';

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
  trigger_id: z.string().optional(),
  response_url: z.string(),
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

/** The click as the core's event; `threadTs` is where thanks go. */
export function clickEvent(
  b: Click,
  at: { channelId: string; threadTs: string | null },
  ask: Ask,
  now: Date,
): InteractionEvent {
  const action = b.actions[0];
  const teamId = b.team?.id ?? null;
  // action_ts is the click's own time: with the user and the button, one click (trigger_id if it is absent).
  const when = action?.action_ts ?? b.trigger_id ?? '-';
  return {
    platform: 'slack',
    id: `${teamId ?? '-'}:${b.user.id}:${action?.action_id ?? '-'}:${when}`,
    teamId,
    channelId: at.channelId,
    userId: b.user.id,
    ask,
    reply: { responseUrl: b.response_url, threadTs: at.threadTs } satisfies SlackReplyTo,
    answerBy: new Date(now.getTime() + RESPONSE_URL_MS).toISOString(),
  };
}

/** Stores the click (or, when it cannot be placed, answers with the neutral line), then acks. */
async function acceptClick(
  ctx: SlackContext,
  body: unknown,
  ack: () => Promise<void>,
  respond: RespondFn,
  toAsk: (b: Click) => { ask: Ask; at: { channelId: string; threadTs: string | null } },
): Promise<void> {
  const actionTs = (body as { actions?: Array<{ action_ts?: string }> }).actions?.[0]?.action_ts ?? '-';
  let event: InteractionEvent;
  try {
    const b = clickBody.parse(body);
    const { ask, at } = toAsk(b);
    event = clickEvent(b, at, ask, ctx.clock.now());
  } catch (err) {
    await ack();
    ctx.logger.error({ kind: 'action', eventId: actionTs, ...describeError(err) }, 'slack: event failed');
    try {
      // Bolt gives no respond() to a click without a response_url.
      await respond?.({ response_type: 'ephemeral', replace_original: false, text: neutralError() });
    } catch (e) {
      ctx.logger.error({ eventId: actionTs, ...describeError(e) }, 'slack: could not tell the user');
    }
    return;
  }
  const answerHere = await ctx.interactions.accept(event);
  await ack();
  answerHere();
}

function onFeedback(app: App, ctx: SlackContext, actionId: string, verdict: FeedbackVerdict): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, respond }) => {
    await acceptClick(ctx, body, ack, respond, (b) => {
      const at = where(b);
      return {
        at,
        ask: {
          kind: 'feedback',
          messageId: at.messageTs,
          entryIds: decodeEntryIds(b.actions[0]?.value),
          verdict,
        },
      };
    });
  });
}

/** What the share button's job carries: the key of the stored reply (null when the value was not one). */
export interface ShareData {
  shareKey: string | null;
}

function onShare(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, body, respond }) => {
    await acceptClick(ctx, body, ack, respond, (b) => {
      const channelId = b.channel?.id ?? b.container?.channel_id;
      if (!channelId) throw new Error('share click without a channel');
      const data: ShareData = { shareKey: decodeShareKey(b.actions[0]?.value) };
      return { at: { channelId, threadTs: null }, ask: { kind: 'own', action: 'share', data } };
    });
  });
}

export function onActions(app: App, ctx: SlackContext): void {
  onFeedback(app, ctx, ACTION.helpful, 'helpful');
  onFeedback(app, ctx, ACTION.wrong, 'wrong');
  onShare(app, ctx);
}

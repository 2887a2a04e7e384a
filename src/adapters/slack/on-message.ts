/**
 * `message` events: translate, then (in the background) claim the once-markers, check the links,
 * and reply in the thread, once. Slack re-delivers events (X-Slack-Retry-Num) and Bolt runs the
 * listener again: the event id and the (channel, message, link set) markers in the store make
 * every delivery after the first a no-op, across replicas when the store is Redis.
 */
import { createHash } from 'node:crypto';
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { composeReply } from '../../core/compose-reply.js';
import { NEUTRAL_ERROR } from './background.js';
import type { SlackContext } from './context.js';
import { type WebClient, postMessage } from './post.js';
import { renderReplyBlocks } from './render-blocks.js';
import { renderNotice } from './render-cards.js';
import { planChannelReply } from './reply-policy.js';
import { readSettings } from './settings.js';
import { type Translation, toChatMessage } from './to-chat-message.js';

const DAY_MS = 24 * 3_600_000;
const envelope = z.object({ event_id: z.string().optional(), team_id: z.string().optional() });

export function linkSetKey(
  teamId: string | null,
  channel: string,
  ts: string,
  links: readonly string[],
): string {
  const hash = createHash('sha256')
    .update([...links].sort().join('\n'))
    .digest('hex')
    .slice(0, 24);
  return `slack:reply:${teamId ?? '-'}:${channel}:${ts}:${hash}`;
}

async function handle(
  ctx: SlackContext,
  t: Extract<Translation, { kind: 'check' }>,
  eventId: string | null,
  client: WebClient,
): Promise<void> {
  const { store, logger } = ctx;
  const m = t.message;
  if (eventId && !(await store.setIfAbsent(`slack:event:${eventId}`, 1, DAY_MS))) {
    logger.debug({ eventId }, 'slack: event already handled');
    return;
  }
  const linkKey = linkSetKey(m.teamId, m.channelId, m.messageId, t.links);
  if (!(await store.setIfAbsent(linkKey, { eventId }, 7 * DAY_MS))) {
    logger.debug(
      { eventId, channel: m.channelId, ts: m.messageId },
      'slack: these links were already answered',
    );
    return;
  }
  try {
    await checkAndReply(ctx, t, eventId, client);
  } catch (err) {
    // Let Slack's retry (or a re-delivery) try again: release what this delivery claimed.
    await store.delete(linkKey);
    if (eventId) await store.delete(`slack:event:${eventId}`);
    throw err;
  }
}

async function checkAndReply(
  ctx: SlackContext,
  t: Extract<Translation, { kind: 'check' }>,
  eventId: string | null,
  client: WebClient,
): Promise<void> {
  const { service, store, config, logger } = ctx;
  const m = t.message;
  const check = await service.checkMessage(m);
  const settings = await readSettings(store, m.teamId, ctx.defaults);
  const plan = planChannelReply(check.details, settings);
  const summary = {
    eventId,
    channel: m.channelId,
    ts: m.messageId,
    edit: t.edit,
    links: check.details.length,
    alert: check.details.some((d) => d.result.alert),
  };
  if (!plan) {
    logger.info(summary, 'slack: checked, nothing to say');
    return;
  }
  const reply = composeReply(plan.details, {
    catalogue: service.catalogue(),
    alertThreshold: config.alertThreshold,
    skipped: check.skipped,
  });
  await postMessage(
    client,
    m.channelId,
    renderReplyBlocks(reply, { mode: plan.mode, buttons: 'feedback' }),
    m.threadId ?? m.messageId,
  );
  logger.info({ ...summary, mode: plan.mode }, 'slack: replied in thread');
}

export function onMessage(app: App, ctx: SlackContext): void {
  app.event('message', async ({ event, body, context, client }) => {
    const env = envelope.safeParse(body);
    const eventId = env.success ? (env.data.event_id ?? null) : null;
    const teamId = (env.success ? env.data.team_id : undefined) ?? context.teamId ?? null;
    const t = toChatMessage(event, {
      teamId,
      botUserId: context.botUserId ?? null,
      botId: context.botId ?? null,
    });
    if (t.kind === 'ignore') {
      ctx.logger.debug({ eventId, reason: t.reason }, 'slack: message ignored');
      return;
    }
    ctx.background.run(
      { kind: 'message', eventId: eventId ?? '-' },
      () => handle(ctx, t, eventId, client),
      () =>
        postMessage(
          client,
          t.message.channelId,
          renderNotice(NEUTRAL_ERROR),
          t.message.threadId ?? t.message.messageId,
        ),
    );
  });
}

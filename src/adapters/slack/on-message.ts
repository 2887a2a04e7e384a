/**
 * `message` events, translated for the conversation core. In the server they are stored as durable
 * jobs before Slack is acknowledged (durableMessages; the job's key makes a re-delivery add
 * nothing). Without a job queue (adapter tests) they are answered here in the background
 * (onMessage), where the core's once-markers make every delivery after the first a no-op: Bolt runs
 * the listener again for Slack's retries (X-Slack-Retry-Num).
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { ChatJobs } from '../../conversation/chat-jobs.js';
import { handleMessage } from '../../conversation/handle-message.js';
import type { Logger } from '../../model/ports.js';
import type { SlackContext } from './context.js';
import { toChatMessage } from './to-chat-message.js';
import { slackTransport } from './transport.js';

const envelope = z.object({ event_id: z.string().optional(), team_id: z.string().optional() });

/**
 * With durable jobs: every message event is translated and stored as a job before Bolt
 * acknowledges it (Bolt acks events first thing in processEvent, so this runs just before). When
 * the queue cannot store it (Redis down), processEvent fails, Slack gets no 200 (HTTP: a 500;
 * Socket Mode: no ack) and delivers the event again later. The jobs' workers answer.
 */
export function durableMessages(
  app: App,
  jobs: ChatJobs,
  bot: { userId: string; botId: string | null; teamId: string | null },
  logger: Logger,
): void {
  jobs.register('slack', async () => slackTransport(app.client, logger));
  const process = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const body = callback.safeParse(event.body);
    if (body.success && body.data.event.type === 'message') {
      const t = toChatMessage(body.data.event, {
        teamId: body.data.team_id ?? bot.teamId,
        botUserId: bot.userId,
        botId: bot.botId,
      });
      const eventId = body.data.event_id ?? '-';
      if (t.kind === 'ignore') {
        logger.debug({ eventId, outcome: 'ignored', reason: t.reason }, 'slack: message ignored');
      } else {
        let r: Awaited<ReturnType<ChatJobs['enqueueMessage']>>;
        try {
          r = await jobs.enqueueMessage(t.event);
        } catch (err) {
          logger.warn(
            { eventId, err: err instanceof Error ? err.message : String(err) },
            'slack: could not store the event; not acknowledged, so Slack delivers it again',
          );
          throw err;
        }
        logger.info({ eventId, queued: r, retryNum: event.retryNum ?? 0 }, 'slack: message event stored');
      }
    }
    return process(event);
  };
}

const callback = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().optional(),
  team_id: z.string().optional(),
  event: z.object({ type: z.string() }).passthrough(),
});

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
      ctx.logger.debug({ eventId, outcome: 'ignored', reason: t.reason }, 'slack: message ignored');
      return;
    }
    ctx.background.run({ kind: 'message', eventId: eventId ?? '-' }, async () => {
      await handleMessage(t.event, slackTransport(client), {
        ...ctx.conversation,
        logger: ctx.logger.child({ eventId: eventId ?? '-' }),
      });
    });
  });
}

/**
 * `message` events: translate, then hand the event to the conversation core in the background
 * (Slack wants its answer within 3 seconds). The core's once-markers make every delivery after
 * the first a no-op, across replicas when the store is Redis; Bolt runs the listener again for
 * Slack's retries (X-Slack-Retry-Num), so that matters.
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { handleMessage } from '../../conversation/handle-message.js';
import type { SlackContext } from './context.js';
import { toChatMessage } from './to-chat-message.js';
import { slackTransport } from './transport.js';

const envelope = z.object({ event_id: z.string().optional(), team_id: z.string().optional() });

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

/**
 * "Missed a narrative?" on Slack: the button (under a private note or a /claimcheck answer) opens
 * the form as a modal at once (a trigger_id lives three seconds); its submission is checked by the
 * conversation core (answer-missed.ts): a problem is shown beside its field, a stored report turns
 * the modal into a thank-you.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { answerMissed } from '../../conversation/answer-missed.js';
import { readOffer } from '../../conversation/missed-offer.js';
import { neutralError } from '../../lang/phrases/index.js';
import { ACTION } from './actions.js';
import { describeError } from './background.js';
import type { SlackContext } from './context.js';
import { FIELD, MISSED_VIEW, missedModal, readSubmission, thanksModal } from './missed-view.js';

const click = z.object({
  trigger_id: z.string(),
  user: z.object({ id: z.string() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ channel_id: z.string().optional() }).optional(),
  actions: z.array(z.object({ value: z.string().optional(), action_ts: z.string().optional() })).min(1),
});

export function onMissed(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.missed, async ({ ack, body, client }) => {
    await ack();
    const eventId = body.actions[0]?.action_ts ?? '-';
    try {
      const b = click.parse(body);
      const channelId = b.channel?.id ?? b.container?.channel_id;
      if (!channelId) throw new Error('"Missed a narrative?" click without a channel');
      const teamId = b.team?.id ?? null;
      const { language } = await ctx.settings.forChannel('slack', teamId, channelId);
      const offer = await readOffer(ctx.store, b.actions[0]?.value);
      await client.views.open({
        trigger_id: b.trigger_id,
        view: missedModal(offer, { teamId, channelId, lang: language }),
      });
      ctx.logger.info(
        { eventId, channel: channelId, userId: b.user.id },
        'slack: missed-narrative form opened',
      );
    } catch (err) {
      // Nothing to answer into: the form did not open, and the click shows no change.
      ctx.logger.error({ kind: 'action', eventId, ...describeError(err) }, 'slack: could not open the form');
    }
  });

  app.view(MISSED_VIEW, async ({ ack, body }) => {
    const s = readSubmission(body);
    if (!s) {
      await ack();
      ctx.logger.warn({ kind: 'view' }, 'slack: a missed-narrative form without its origin');
      return;
    }
    const { origin } = s;
    try {
      const a = await answerMissed(
        s.input,
        { platform: 'slack', teamId: origin.teamId, channelId: origin.channelId, userId: s.userId },
        { service: ctx.service, store: ctx.store, clock: ctx.clock, logger: ctx.logger },
        origin.lang,
      );
      if (!a.ok) {
        await ack({ response_action: 'errors', errors: { [FIELD[a.field]]: a.text } });
        return;
      }
      await ack({ response_action: 'update', view: thanksModal(a.text, origin.lang) });
    } catch (err) {
      ctx.logger.error({ kind: 'view', ...describeError(err) }, 'slack: missed-narrative report failed');
      await ack({ response_action: 'errors', errors: { [FIELD.entry]: neutralError(origin.lang) } });
    }
  });
}

/**
 * The core's InteractionTransport on Discord, built per command or click from what its job carries:
 * the deferred answer is edited through the interaction webhook (PATCH
 * /webhooks/{application}/{token}/messages/@original, no bot authorization needed), so any replica
 * can finish what another deferred; the share button's public copy is a follow-up on the same
 * webhook. Editing @original is idempotent: a try run again replaces the answer, it adds none.
 */
import { type APIEmbed, type APIMessageTopLevelComponent, MessageFlags, type REST, Routes } from 'discord.js';
import { z } from 'zod';
import type { InteractionEvent, InteractionTransport } from '../../conversation/interaction-jobs.js';
import type { Logger } from '../../model/ports.js';
import { render } from './claimcheck.js';
import { feedbackButtons, row } from './components.js';
import { LIMITS, truncate } from './limits.js';

const replyTo = z.object({ applicationId: z.string(), token: z.string() });

/** What the share button's job carries: the private answer as it was shown. */
export interface ShareData {
  content: string;
  embeds: APIEmbed[];
  /** The catalogue ids of the answer's feedback buttons (null: it had none). */
  feedbackIds: string[] | null;
}

interface WebhookBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
}

export function discordInteractionTransport(
  rest: REST,
  event: Pick<InteractionEvent, 'channelId' | 'ask' | 'reply'>,
  log: Logger,
): InteractionTransport {
  const to = replyTo.parse(event.reply);
  const noMentions = { allowed_mentions: { parse: [] } };
  const edit = (body: WebhookBody) =>
    rest.patch(Routes.webhookMessage(to.applicationId, to.token, '@original'), {
      body: { ...body, ...noMentions },
      auth: false,
    });
  const followUp = (body: WebhookBody) =>
    rest.post(Routes.webhook(to.applicationId, to.token), {
      body: { ...body, ...noMentions },
      query: new URLSearchParams({ wait: 'true' }),
      auth: false,
    });
  return {
    // A Discord event carries the member's permissions: the adapter puts them in the job (ask.admin).
    isPlatformAdmin: async () => false,
    async answer(out) {
      switch (out.kind) {
        case 'command': {
          const a = render(out.answer, event.channelId);
          await edit({
            content: truncate(a.content, LIMITS.content),
            embeds: a.embeds,
            components: a.components,
          });
          return;
        }
        case 'thanks':
          await edit({ content: out.text, embeds: [], components: [] });
          return;
        case 'error':
          // A share's @original is the private answer itself: keep it, and say so beside it.
          if (event.ask.kind === 'own') await followUp({ content: out.text, flags: MessageFlags.Ephemeral });
          else await edit({ content: out.text, embeds: [], components: [] });
          return;
      }
    },
    async own(action, data) {
      if (action !== 'share') throw new Error(`no Discord handler for the button ${action}`);
      const share = data as ShareData;
      const feedbackRow = share.feedbackIds ? [row(feedbackButtons(share.feedbackIds))] : [];
      // The private answer loses its share button (one share per answer), then the public copy is posted.
      await edit({ components: feedbackRow });
      await followUp({ content: share.content, embeds: share.embeds, components: feedbackRow });
      log.info({ embeds: share.embeds.length }, 'answer shared in channel');
    },
  };
}

/**
 * `/claimcheck`: acknowledged at once; the answer follows through response_url, ephemeral. The
 * conversation core decides the answer (answer-command.ts); this file renders it as Block Kit.
 * A link gets the full reply (unreadable pages included) and a "Share in channel" button.
 */
import { randomUUID } from 'node:crypto';
import type { App, RespondArguments, SlashCommand } from '@slack/bolt';
import { answerCommand, type CommandAnswer } from '../../conversation/answer-command.js';
import { parseCommand } from '../../conversation/parse-command.js';
import type { Reply } from '../../model/reply.js';
import { neutralError } from '../../lang/phrases/index.js';
import type { SlackContext } from './context.js';
import { isWorkspaceAdmin } from './is-admin.js';
import type { WebClient } from './post.js';
import { renderReplyBlocks, type SlackMessage } from './render-blocks.js';
import { renderCard, renderCards, renderHelp, renderNotice, renderSettings } from './render-cards.js';
import { renderDigestBlocks } from './render-digest.js';

export const COMMAND = '/claimcheck';
const SHARE_TTL_MS = 3_600_000;

/** A reply kept for the "Share in channel" button. */
export interface SharedReply {
  reply: Reply;
  userId: string;
  channelId: string;
}

export function shareKey(key: string): string {
  return `slack:share:${key}`;
}

function ephemeral(msg: SlackMessage): RespondArguments {
  return {
    response_type: 'ephemeral',
    text: msg.text,
    blocks: msg.blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}

async function render(ctx: SlackContext, cmd: SlashCommand, a: CommandAnswer): Promise<SlackMessage> {
  switch (a.kind) {
    case 'help':
      return renderHelp();
    case 'notice':
    case 'refused':
      return renderNotice(a.text);
    case 'settings':
      return renderSettings(a.settings, a.changed, cmd.channel_id);
    case 'digest':
      return renderDigestBlocks(a.digest, a.lang);
    case 'cards': {
      const [only] = a.cards;
      if (a.query === null && only) return renderCard(only, a.version);
      return renderCards(a.cards, a.query ?? '', a.version);
    }
    case 'reply': {
      const key = randomUUID();
      const shared: SharedReply = { reply: a.reply, userId: cmd.user_id, channelId: cmd.channel_id };
      await ctx.store.set(shareKey(key), shared, SHARE_TTL_MS);
      return renderReplyBlocks(a.reply, { mode: 'full', buttons: 'share', shareValue: key });
    }
  }
}

export function onCommand(app: App, ctx: SlackContext): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    const req = parseCommand(command.text ?? '', command.channel_id);
    // Slack wants an answer within 3 seconds; a check can take longer.
    if (req.kind === 'check') {
      await ack({ response_type: 'ephemeral', text: 'Checking… (only you can see this)' });
    } else {
      await ack();
    }
    ctx.background.run(
      { kind: 'command', eventId: command.trigger_id },
      async () => {
        const answer = await answerCommand(
          req,
          {
            platform: 'slack',
            teamId: command.team_id || null,
            channelId: command.channel_id,
            userId: command.user_id,
            isPlatformAdmin: () => isWorkspaceAdmin(client as WebClient, command.user_id, ctx.logger),
          },
          ctx.conversation,
        );
        await respond(ephemeral(await render(ctx, command, answer)));
        ctx.logger.info(
          { eventId: command.trigger_id, kind: req.kind, answer: answer.kind },
          'slack: command answered',
        );
      },
      () => respond({ response_type: 'ephemeral', text: neutralError() }),
    );
  });
}

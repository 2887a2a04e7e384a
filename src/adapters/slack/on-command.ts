/**
 * `/claimcheck`: stored as a durable job (keyed by its trigger_id) BEFORE Slack is acknowledged; any
 * replica's worker then answers through response_url, ephemeral. The conversation core decides the
 * answer (answer-command.ts, run by interaction-jobs.ts); this file translates the command and
 * renders the answer as Block Kit. A link gets the full reply (unreadable pages included) and a
 * "Share in channel" button.
 */
import { commandText } from './mrkdwn.js';
import { createHash, randomUUID } from 'node:crypto';
import type { App, RespondArguments, SlashCommand } from '@slack/bolt';
import type { CommandAnswer } from '../../conversation/answer-command.js';
import type { InteractionEvent } from '../../conversation/interaction-jobs.js';
import { type CommandRequest, parseCommand } from '../../conversation/parse-command.js';
import type { Reply } from '../../model/reply.js';
import type { KeyValueStore } from '../../model/ports.js';
import type { SlackContext } from './context.js';
import { renderReplyBlocks, type SlackMessage } from './render-blocks.js';
import { renderCard, renderCards, renderHelp, renderNotice, renderSettings } from './render-cards.js';
import { RESPONSE_URL_MS } from './response-url.js';
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

export function ephemeral(msg: SlackMessage): RespondArguments {
  return {
    response_type: 'ephemeral',
    text: msg.text,
    blocks: msg.blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}

export async function render(
  ctx: { store: KeyValueStore },
  cmd: Pick<SlashCommand, 'user_id' | 'channel_id'>,
  a: CommandAnswer,
): Promise<SlackMessage> {
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
      return renderReplyBlocks(a.reply, {
        mode: 'full',
        buttons: 'share',
        shareValue: key,
        ...(a.offer ? { missedValue: a.offer } : {}),
      });
    }
  }
}

/** Where a Slack command or click is answered (the job's reply address). */
export interface SlackReplyTo {
  responseUrl: string;
  /** The thread of the message a button was under (thanks are posted there, ephemeral). */
  threadTs?: string | null;
}

/** The command as the core's event: the request, who and where, and the response_url to answer at. */
export function commandEvent(command: SlashCommand, request: CommandRequest, now: Date): InteractionEvent {
  const team = command.team_id || '-';
  // trigger_id is unique per invocation; without one, so is the response_url (a hash of it: no credential in the key).
  const identity =
    command.trigger_id ||
    createHash('sha256')
      .update(command.response_url || JSON.stringify(command))
      .digest('hex')
      .slice(0, 32);
  return {
    platform: 'slack',
    id: `${team}:${identity}`,
    teamId: command.team_id || null,
    channelId: command.channel_id,
    userId: command.user_id,
    ask: { kind: 'command', request, admin: null },
    reply: { responseUrl: command.response_url } satisfies SlackReplyTo,
    answerBy: new Date(now.getTime() + RESPONSE_URL_MS).toISOString(),
  };
}

export function onCommand(app: App, ctx: SlackContext): void {
  app.command(COMMAND, async ({ command, ack }) => {
    const req = parseCommand(commandText(command.text ?? ''), command.channel_id);
    // Stored first: only then is Slack told that the command arrived.
    const answerHere = await ctx.interactions.accept(commandEvent(command, req, ctx.clock.now()));
    // Slack wants an answer within 3 seconds; a check can take longer.
    if (req.kind === 'check') {
      await ack({ response_type: 'ephemeral', text: 'Checking… (only you can see this)' });
    } else {
      await ack();
    }
    answerHere();
  });
}

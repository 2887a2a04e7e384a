/**
 * `/claimcheck`: acknowledged at once; the answer follows through response_url, ephemeral.
 * A link gets the full reply (unreadable pages included) and a "Share in channel" button.
 */
import { randomUUID } from 'node:crypto';
import type { App, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import { composeReply } from '../../core/compose-reply.js';
import { entryCard } from '../../core/entry-card.js';
import type { Reply } from '../../core/reply.js';
import { NEUTRAL_ERROR } from './background.js';
import type { SlackContext } from './context.js';
import { parseCommand, queryLanguage, type SlashRequest } from './parse-command.js';
import { renderReplyBlocks, type SlackMessage } from './render-blocks.js';
import { renderCard, renderCards, renderHelp, renderNotice, renderSettings } from './render-cards.js';
import { readSettings, writeSettings } from './settings.js';

export const COMMAND = '/claimcheck';
const SHARE_TTL_MS = 3_600_000;
const LOOKUP_LIMIT = 3;

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

async function checkLinks(ctx: SlackContext, cmd: SlashCommand, text: string): Promise<SlackMessage> {
  const { service, config, store } = ctx;
  const check = await service.checkMessage({
    platform: 'slack',
    text,
    extraLinks: [],
    channelId: cmd.channel_id,
    messageId: cmd.trigger_id,
    threadId: null,
    authorId: cmd.user_id,
    teamId: cmd.team_id || null,
  });
  // The user asked: every result is shown, unreadable pages and "nothing found" included.
  const reply = composeReply(check.details, {
    catalogue: service.catalogue(),
    alertThreshold: config.alertThreshold,
    skipped: check.skipped,
  });
  const key = randomUUID();
  const shared: SharedReply = { reply, userId: cmd.user_id, channelId: cmd.channel_id };
  await store.set(shareKey(key), shared, SHARE_TTL_MS);
  return renderReplyBlocks(reply, { mode: 'full', buttons: 'share', shareValue: key });
}

async function answer(ctx: SlackContext, cmd: SlashCommand, req: SlashRequest): Promise<SlackMessage> {
  const { service, store } = ctx;
  const catalogue = service.catalogue();
  switch (req.kind) {
    case 'help':
      return renderHelp();
    case 'invalid':
      return renderNotice(req.message);
    case 'check':
      return checkLinks(ctx, cmd, req.text);
    case 'settings': {
      const teamId = cmd.team_id || null;
      if (!req.change) return renderSettings(await readSettings(store, teamId, ctx.defaults), false);
      const patch = 'patch' in req.change ? req.change.patch : null;
      const saved = await writeSettings(store, teamId, ctx.defaults, patch, {
        userId: cmd.user_id,
        at: ctx.clock.now(),
      });
      ctx.logger.info({ teamId, userId: cmd.user_id, settings: saved }, 'slack: workspace settings changed');
      return renderSettings(saved, true);
    }
    case 'words': {
      const lang = queryLanguage(req.words);
      const exact = req.maybeId ? service.entry(req.maybeId) : undefined;
      if (exact) return renderCard(entryCard(exact, catalogue, lang), catalogue.version);
      const hits = service.lookup(req.words, LOOKUP_LIMIT);
      const cards = hits.map((h) => entryCard(h.entry, catalogue, lang));
      return renderCards(cards, req.words, catalogue.version);
    }
  }
}

export function onCommand(app: App, ctx: SlackContext): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    const req = parseCommand(command.text ?? '');
    // Slack wants an answer within 3 seconds; a check can take longer.
    if (req.kind === 'check') {
      await ack({ response_type: 'ephemeral', text: 'Checking… (only you can see this)' });
    } else {
      await ack();
    }
    const neutral = (r: RespondFn) => () => r({ response_type: 'ephemeral', text: NEUTRAL_ERROR });
    ctx.background.run(
      { kind: 'command', eventId: command.trigger_id },
      async () => {
        const msg = await answer(ctx, command, req);
        await respond(ephemeral(msg));
        ctx.logger.info({ eventId: command.trigger_id, kind: req.kind }, 'slack: command answered');
      },
      neutral(respond),
    );
  });
}

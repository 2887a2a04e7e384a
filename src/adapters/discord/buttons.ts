/**
 * Button clicks: "Helpful" / "Wrong match" (the vote is stored with who and when, and answered
 * ephemerally) and "Share in channel" (an ephemeral /claimcheck answer posted publicly). Each click is
 * deferred at once, then stored as a durable job under its interaction id; a worker on any replica
 * answers it (interaction-transport.ts). Buttons that do nothing are answered here.
 */
import { type APIEmbed, type ButtonInteraction, MessageFlags } from 'discord.js';
import type { Logger } from '../../model/ports.js';
import { parseFeedbackId, parseMissedId, SHARE_ID } from './components.js';
import { openMissedForm } from './missed.js';
import type { DiscordContext } from './context.js';
import { deferOnce, interactionEvent } from './interaction-event.js';
import type { ShareData } from './interaction-transport.js';

/** Every custom_id in a message's components, however they are nested. */
export function customIds(json: unknown): string[] {
  if (Array.isArray(json)) return json.flatMap(customIds);
  if (typeof json !== 'object' || json === null) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(json)) {
    if (k === 'custom_id' && typeof v === 'string') out.push(v);
    else if (typeof v === 'object') out.push(...customIds(v));
  }
  return out;
}

async function recordFeedback(i: ButtonInteraction, ctx: DiscordContext, log: Logger): Promise<void> {
  const parsed = parseFeedbackId(i.customId);
  if (!parsed) {
    await i.reply({ content: 'This button no longer does anything.', flags: MessageFlags.Ephemeral });
    log.warn({ customId: i.customId }, 'unknown button');
    return;
  }
  await deferOnce(() => i.deferReply({ flags: MessageFlags.Ephemeral }), log);
  const ask = { kind: 'feedback', messageId: i.message.id, ...parsed } as const;
  await ctx.interactions.accept(interactionEvent(i, ask, new Date()), log);
}

async function share(i: ButtonInteraction, ctx: DiscordContext, log: Logger): Promise<void> {
  const embeds: APIEmbed[] = i.message.embeds.map((e) => e.toJSON());
  if (embeds.length === 0) {
    await i.reply({ content: 'There is nothing to share here.', flags: MessageFlags.Ephemeral });
    return;
  }
  const ids = customIds(i.message.components.map((c) => c.toJSON()));
  const feedback = ids.map(parseFeedbackId).find((f) => f !== null);
  const data: ShareData = { content: i.message.content, embeds, feedbackIds: feedback?.entryIds ?? null };
  await deferOnce(() => i.deferUpdate(), log);
  await ctx.interactions.accept(interactionEvent(i, { kind: 'own', action: 'share', data }, new Date()), log);
}

export async function onButton(i: ButtonInteraction, ctx: DiscordContext, log: Logger): Promise<void> {
  if (i.customId === SHARE_ID) return share(i, ctx, log);
  const missed = parseMissedId(i.customId);
  if (missed !== null) return openMissedForm(i, missed, ctx, log);
  return recordFeedback(i, ctx, log);
}
